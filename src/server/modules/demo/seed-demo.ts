import { randomBytes, randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { personalRoomAddress } from "../../../domain/video-address.js";
import type { Db } from "../../db/client.js";
import { companies, companyDomains, partners } from "../../db/schema.js";
import { ConflictError } from "../../errors.js";
import { hashPassword } from "../../lib/passwords.js";
import { claimVideoAddress } from "../addresses/addresses.repository.js";
import { recordAudit } from "../audit/audit.js";
import { insertAccount } from "../auth/accounts.repository.js";
import { CLI_ACTOR } from "../auth/actor.js";
import { insertPersonalRoom, personalRoomName } from "../rooms/personal-rooms.repository.js";
import { findService, insertService } from "../setup/service.repository.js";

/**
 * Demo data for trying Confero and for scripts/tests that drive a seeded installation: an
 * operator (when there is none), a partner with its admin, and two companies — one on the
 * service domain, one with domain hosting — each with an admin and members, every member with a
 * personal VMR and both addresses in the address registry. Every password is random and
 * returned once, so nothing guessable is ever seeded.
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
  },
  {
    name: "Globex",
    slug: "globex",
    domain: { kind: "hosted" as const, name: "globex.example" },
    people: [
      { fullName: "Grace Gruber", local: "grace", email: "grace@globex.example", role: "admin" as const },
      { fullName: "Hank Hill", local: "hank", email: "hank@globex.example", role: "member" as const },
    ],
  },
];

function demoPassword(): string {
  return randomBytes(12).toString("base64url");
}

export async function seedDemo(db: Db): Promise<SeedDemoResult> {
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
    }

    for (const account of accountsToCreate) {
      const { password: _password, personalRoomAddress: roomAddress, ...row } = account;
      const created = await insertAccount(tx, {
        ...row,
        passwordHash: hashes.get(account.email),
        passwordChangedAt: new Date(),
      });
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
    return result;
  });
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
