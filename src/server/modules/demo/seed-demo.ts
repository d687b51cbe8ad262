import { randomBytes, randomInt, randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { personalRoomAddress } from "../../../domain/video-address.js";
import type { Db } from "../../db/client.js";
import { companies, companyDomains, partners } from "../../db/schema.js";
import { ConflictError } from "../../errors.js";
import { hashPassword } from "../../lib/passwords.js";
import { hashToken, newToken } from "../../lib/tokens.js";
import { claimVideoAddress } from "../addresses/addresses.repository.js";
import { recordAudit } from "../audit/audit.js";
import { insertAccount } from "../auth/accounts.repository.js";
import { CLI_ACTOR } from "../auth/actor.js";
import { EventApplier } from "../events/event-applier.js";
import { EventIngestService } from "../events/event-ingest.service.js";
import {
  bulkBodies,
  type DirectoryEntry,
  nodeAddresses,
  planCalls,
  renderCall,
  type ServiceAnswer,
  streamsByNode,
  type TimedEvent,
} from "../events/traffic-simulator.js";
import { insertInvitation } from "../invitations/invitations.repository.js";
import { INVITATION_VALID_DAYS } from "../invitations/invitations.service.js";
import { PolicyCache } from "../policy/policy-cache.js";
import type { PolicySettingsSource } from "../policy/policy-settings.js";
import { ServiceConfigurationPolicy } from "../policy/service-configuration.service.js";
import { insertPersonalRoom, personalRoomName } from "../rooms/personal-rooms.repository.js";
import { findService, insertService } from "../setup/service.repository.js";
import { type SeededTeamRoom, seedDemoTeamRooms } from "../team-rooms/demo-team-rooms.js";
import { type SeededVideoSystem, seedDemoVideoSystems } from "../video-systems/demo-video-systems.js";

/**
 * Demo data for trying Confero and for scripts/tests that drive a seeded installation: an
 * operator (when there is none), a partner with its admin, and two companies — one on the
 * service domain, one with domain hosting — each with an admin and members, every member with a
 * personal VMR and both addresses in the address registry; one Acme member is still invited
 * (a pending invitation, no password); team rooms with owners in both companies. Every password is random and returned once, so nothing
 * guessable is ever seeded.
 */
export interface SeededAccount {
  fullName: string;
  email: string;
  password: string;
  kind: "operator" | "partner_admin" | "member";
  role: "admin" | "member" | null;
  videoAddress: string | null;
  /** The member's personal VMR; null for operators and partner admins. */
  personalRoomAddress: string | null;
  partnerId: string | null;
  companyId: string | null;
}

export interface SeedDemoResult {
  service: { name: string; domains: string[]; defaultVmrSuffix: string };
  partners: { id: string; name: string }[];
  companies: {
    id: string;
    name: string;
    slug: string;
    partnerId: string;
    videoDomains: string[];
    licences: number;
  }[];
  accounts: SeededAccount[];
  /** Members invited but not yet active (no password, so they cannot sign in). */
  invited: SeededInvitee[];
  /** Team rooms (each uses one of its company's licences). */
  teamRooms: SeededTeamRoom[];
  /** Video systems, shared and twinned (each uses one of its company's endpoint subscriptions). */
  videoSystems: SeededVideoSystem[];
  /** The simulated call history fed to the event sink, per company; empty when left out. */
  callHistory: SeededCallHistory[];
}

export interface SeededCallHistory {
  companyId: string;
  days: number;
  calls: number;
  events: number;
}

export interface SeededInvitee {
  fullName: string;
  email: string;
  role: "admin" | "member";
  videoAddress: string;
  personalRoomAddress: string;
  companyId: string;
  /** The activation link, when the seed knew the server's session secret and public URL. */
  invitationUrl: string | null;
}

/** What makes a seeded invitation link usable: the server's secret and address. */
export interface SeedDemoOptions {
  sessionSecret?: string;
  publicUrl?: string;
  /**
   * Add the demo team rooms (default true). Tests written before team rooms existed count the
   * demo companies' licences and audit events without them and pass false.
   */
  teamRooms?: boolean;
  /**
   * Add the demo video systems (default: as `teamRooms`, so tests that leave out the newer demo
   * extras get neither).
   */
  videoSystems?: boolean;
  /**
   * Simulated calls of the last 90 days, fed to the event sink as Infinity would send them, so
   * the usage page has figures on first start. It takes seconds, so it is off unless asked for
   * (`confero seed-demo` does; tests that need it too). `{ days, calls }` changes how much
   * (`calls` shared by the companies).
   */
  callHistory?: boolean | { days?: number; calls?: number };
}

/**
 * About 6 calls a working day in all. Each is ~10 events, and the event sink applies one in
 * 1.5–3 ms on PGlite: 400 calls add 6–10 s to the seed.
 */
const DEMO_HISTORY = { days: 90, calls: 400 };

const DEMO_PARTNER = "Northwind Partners";

const DEMO_COMPANIES = [
  {
    name: "Acme",
    slug: "acme",
    domain: { kind: "service" as const, sub: "acme" },
    people: [
      {
        fullName: "Alice Andersen",
        local: "alice.andersen",
        email: "alice.andersen@acme.example",
        role: "admin" as const,
      },
      { fullName: "Bob Baker", local: "bob.baker", email: "bob.baker@acme.example", role: "member" as const },
      {
        fullName: "Carol Chen",
        local: "carol.chen",
        email: "carol.chen@acme.example",
        role: "member" as const,
      },
    ],
    invited: [
      { fullName: "Dave Dunn", local: "dave.dunn", email: "dave.dunn@acme.example", role: "member" as const },
    ],
  },
  {
    name: "Globex",
    slug: "globex",
    domain: { kind: "hosted" as const, name: "globex.example" },
    people: [
      { fullName: "Grace Gruber", local: "grace", email: "grace@globex.example", role: "admin" as const },
      { fullName: "Hank Hill", local: "hank", email: "hank@globex.example", role: "member" as const },
    ],
    invited: [],
  },
];

function demoPassword(): string {
  return randomBytes(12).toString("base64url");
}

export async function seedDemo(db: Db, options: SeedDemoOptions = {}): Promise<SeedDemoResult> {
  const accountsToCreate: SeededAccount[] = [];
  const hashes = new Map<string, string>();
  const prepare = async (account: SeededAccount) => {
    hashes.set(account.email, await hashPassword(account.password));
    accountsToCreate.push(account);
  };

  const seeded = await db.transaction(async (tx) => {
    const [existing] = await tx.select().from(partners).where(eq(partners.name, DEMO_PARTNER));
    if (existing) throw new ConflictError("The demo data is already in this database.");

    const service =
      (await findService(tx)) ??
      (await insertService(tx, {
        name: "Confero Demo",
        domains: ["video.example.com"],
        defaultVmrSuffix: ".vmr",
      }));
    const serviceDomain = service.domains[0] ?? "video.example.com";

    const [partner] = await tx.insert(partners).values({ name: DEMO_PARTNER }).returning();
    if (!partner) throw new Error("partner insert returned no row");
    const result: SeedDemoResult = {
      service: { name: service.name, domains: service.domains, defaultVmrSuffix: service.defaultVmrSuffix },
      partners: [{ id: partner.id, name: partner.name }],
      companies: [],
      accounts: accountsToCreate,
      invited: [],
      teamRooms: [],
      videoSystems: [],
      callHistory: [],
    };

    const hasOperator = await tx.query.accounts.findFirst({
      where: (a, { eq: is }) => is(a.kind, "operator"),
    });
    if (!hasOperator) {
      await prepare({
        fullName: "Olivia Operator",
        email: "operator@confero.example",
        password: demoPassword(),
        kind: "operator",
        role: null,
        videoAddress: null,
        personalRoomAddress: null,
        partnerId: null,
        companyId: null,
      });
    }
    await prepare({
      fullName: "Paul Partner",
      email: "paul@northwind.example",
      password: demoPassword(),
      kind: "partner_admin",
      role: null,
      videoAddress: null,
      personalRoomAddress: null,
      partnerId: partner.id,
      companyId: null,
    });

    for (const spec of DEMO_COMPANIES) {
      const [company] = await tx
        .insert(companies)
        .values({
          partnerId: partner.id,
          name: spec.name,
          slug: spec.slug,
          licences: 25,
          endpointSubscriptions: 10,
          status: "paid",
          domainSetup: spec.domain.kind === "service" ? "service_subdomain" : "hosted",
          vmrSuffix: service.defaultVmrSuffix,
        })
        .returning();
      if (!company) throw new Error("company insert returned no row");
      const domain =
        spec.domain.kind === "service" ? `${spec.domain.sub}.${serviceDomain}` : spec.domain.name;
      await tx.insert(companyDomains).values({ companyId: company.id, domain, kind: spec.domain.kind });
      result.companies.push({
        id: company.id,
        name: company.name,
        slug: company.slug,
        partnerId: partner.id,
        videoDomains: [domain],
        licences: company.licences,
      });
      for (const person of spec.people) {
        const videoAddress = `${person.local}@${domain}`;
        await prepare({
          fullName: person.fullName,
          email: person.email,
          password: demoPassword(),
          kind: "member",
          role: person.role,
          videoAddress,
          personalRoomAddress: personalRoomAddress(videoAddress, company.vmrSuffix),
          partnerId: null,
          companyId: company.id,
        });
      }
      for (const person of spec.invited) {
        const videoAddress = `${person.local}@${domain}`;
        result.invited.push({
          fullName: person.fullName,
          email: person.email,
          role: person.role,
          videoAddress,
          personalRoomAddress: personalRoomAddress(videoAddress, company.vmrSuffix) ?? "",
          companyId: company.id,
          invitationUrl: null,
        });
      }
    }

    const accountIds = new Map<string, string>();
    for (const account of accountsToCreate) {
      const { password: _password, personalRoomAddress: roomAddress, ...row } = account;
      const created = await insertAccount(tx, {
        ...row,
        passwordHash: hashes.get(account.email),
        passwordChangedAt: new Date(),
      });
      accountIds.set(created.email, created.id);
      if (created.companyId && created.videoAddress && roomAddress) {
        await registerMember(
          tx,
          { ...created, companyId: created.companyId },
          created.videoAddress,
          roomAddress,
        );
      }
      await recordAudit(tx, CLI_ACTOR, {
        action: "account.created",
        target: { type: "account", id: created.id },
        companyId: created.companyId,
        after: { fullName: created.fullName, email: created.email, kind: created.kind, role: created.role },
      });
    }
    for (const invitee of result.invited) invitee.invitationUrl = await inviteMember(tx, invitee, options);
    if (options.teamRooms !== false) {
      result.teamRooms = await seedDemoTeamRooms(tx, CLI_ACTOR, result.companies, accountIds);
    }
    if (options.videoSystems ?? options.teamRooms !== false) {
      const members = new Map(
        accountsToCreate.map((a) => [
          a.email,
          { id: accountIds.get(a.email) ?? "", videoAddress: a.videoAddress },
        ]),
      );
      result.videoSystems = await seedDemoVideoSystems(tx, CLI_ACTOR, result.companies, members);
    }
    return result;
  });
  const history = options.callHistory ?? false;
  if (history) {
    // After the commit: the event sink applies events in transactions of its own.
    seeded.callHistory = await seedCallHistory(db, seeded, history === true ? {} : history);
  }
  return seeded;
}

/**
 * An invited member with both addresses, a personal VMR and a pending 30-day invitation. No
 * email is queued (the demo addresses are not real); the link is returned instead when the
 * server's secret is known, otherwise it is hashed with a throwaway secret and never works.
 */
async function inviteMember(
  tx: Db,
  invitee: SeededInvitee,
  options: SeedDemoOptions,
): Promise<string | null> {
  const created = await insertAccount(tx, {
    kind: "member",
    status: "invited",
    companyId: invitee.companyId,
    role: invitee.role,
    fullName: invitee.fullName,
    email: invitee.email,
    videoAddress: invitee.videoAddress,
  });
  await registerMember(
    tx,
    { ...created, companyId: invitee.companyId },
    invitee.videoAddress,
    invitee.personalRoomAddress,
  );
  const token = newToken();
  await insertInvitation(tx, {
    tokenHash: hashToken(options.sessionSecret ?? newToken(), token),
    accountId: created.id,
    companyId: invitee.companyId,
    expiresAt: new Date(Date.now() + INVITATION_VALID_DAYS * 24 * 60 * 60 * 1000),
  });
  await recordAudit(tx, CLI_ACTOR, {
    action: "account.invited",
    target: { type: "account", id: created.id },
    companyId: invitee.companyId,
    after: { fullName: created.fullName, email: created.email, kind: created.kind, role: created.role },
  });
  return options.sessionSecret && options.publicUrl ? `${options.publicUrl}/invitations/${token}` : null;
}

/** The member's address and their personal VMR, both in the address registry. */
async function registerMember(
  tx: Db,
  member: { id: string; companyId: string; fullName: string },
  address: string,
  roomAddress: string,
): Promise<void> {
  const { id: accountId, companyId } = member;
  await claimVideoAddress(
    tx,
    { address, companyId, ownerType: "member", ownerId: accountId },
    "videoAddress",
  );
  const roomId = randomUUID();
  await claimVideoAddress(
    tx,
    { address: roomAddress, companyId, ownerType: "personal_room", ownerId: roomId },
    "personalRoomAddress",
  );
  await insertPersonalRoom(tx, {
    id: roomId,
    companyId,
    accountId,
    name: personalRoomName(member.fullName),
    address: roomAddress,
  });
}

/**
 * Simulated call history (events/traffic-simulator.ts) fed in-process to the event sink, as the
 * companies' Infinity nodes would have sent it: every address asked about as Infinity's policy
 * request would, meetings in the rooms and point-to-point calls to members and video systems,
 * in working hours of the company's time zone.
 */
async function seedCallHistory(
  db: Db,
  seeded: SeedDemoResult,
  spec: { days?: number; calls?: number },
): Promise<SeededCallHistory[]> {
  const days = spec.days ?? DEMO_HISTORY.days;
  const totalCalls = spec.calls ?? DEMO_HISTORY.calls;
  const cache = new PolicyCache(db);
  // Nothing else writes meanwhile, so answers may stay in memory (no notifications needed).
  await cache.start({
    listen: async (_channel, handlers) => {
      handlers.onState(true);
      return async () => {};
    },
  });
  const settings: PolicySettingsSource = {
    current: async () => ({ policyAuth: null, rejectUnknownInOurDomains: false, defaultDomain: null }),
  };
  const policy = new ServiceConfigurationPolicy({ cache, settings });
  const ingest = new EventIngestService({ db, applier: new EventApplier({ cache, settings }) });
  const nodes = nodeAddresses(2);
  const members = seeded.accounts.filter((a) => a.kind === "member");
  const history: SeededCallHistory[] = [];
  const events: TimedEvent[] = [];
  for (const [index, company] of seeded.companies.entries()) {
    const own = <T extends { companyId: string | null }>(list: T[]) =>
      list.filter((x) => x.companyId === company.id);
    const directory: DirectoryEntry[] = [
      ...own(members).flatMap((m) => [
        ...(m.personalRoomAddress
          ? [{ alias: m.personalRoomAddress, name: `${m.fullName}'s room`, kind: "room" as const }]
          : []),
        ...(m.videoAddress ? [{ alias: m.videoAddress, name: m.fullName, kind: "person" as const }] : []),
      ]),
      ...own(seeded.teamRooms).map((r) => ({ alias: r.videoAddress, name: r.name, kind: "room" as const })),
      ...own(seeded.videoSystems)
        .filter((v) => !v.usesMemberAddress)
        .map((v) => ({ alias: v.videoAddress, name: v.name, kind: "system" as const })),
    ];
    const answers = new Map<string, ServiceAnswer>();
    for (const entry of directory) {
      const { body } = await policy.answer({ local_alias: entry.alias, call_direction: "dial_in" });
      const { service_type, name, service_tag } = body.result as Record<string, unknown>;
      if (typeof service_type === "string" && typeof name === "string" && typeof service_tag === "string")
        answers.set(entry.alias, { serviceType: service_type, name, serviceTag: service_tag });
    }
    const routed = directory.filter((e) => answers.has(e.alias));
    if (routed.length === 0) continue;
    const [row] = await db
      .select({ timeZone: companies.timeZone })
      .from(companies)
      .where(eq(companies.id, company.id));
    // The first company is the busier one: three calls in five.
    const share = seeded.companies.length === 1 ? 1 : index === 0 ? 0.6 : 0.4 / (seeded.companies.length - 1);
    const calls = planCalls({
      seed: randomInt(2 ** 31),
      calls: Math.max(1, Math.round(totalCalls * share)),
      directory: routed,
      nodes,
      timeZone: row?.timeZone ?? "UTC",
      window: { kind: "history", days, endAt: Date.now() / 1000 },
    });
    const rendered = calls.flatMap((call) => {
      const answer = answers.get(call.dialled.alias);
      return answer ? renderCall(call, answer, nodes) : [];
    });
    events.push(...rendered);
    history.push({ companyId: company.id, days, calls: calls.length, events: rendered.length });
  }
  // The companies share the nodes; each node's events go in time order, in bulk envelopes,
  // and the nodes take turns as their envelopes fill up.
  const bodies = [...streamsByNode(events)].flatMap(([node, stream]) =>
    bulkBodies(node, stream, HISTORY_BULK),
  );
  bodies.sort((a, b) => (a.data[0]?.time ?? 0) - (b.data[0]?.time ?? 0));
  for (const body of bodies) await ingest.ingest(body);
  await ingest.drain();
  await cache.stop();
  return history;
}

/** Envelopes per `eventsink_bulk` handed to the event sink. */
const HISTORY_BULK = 1000;
