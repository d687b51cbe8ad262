import { randomBytes, randomUUID } from "node:crypto";
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
import { insertInvitation } from "../invitations/invitations.repository.js";
import { INVITATION_VALID_DAYS } from "../invitations/invitations.service.js";
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
}

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

  return db.transaction(async (tx) => {
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
