import { and, eq, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { type Db, queryRows } from "../../db/client.js";
import { containsPattern } from "../../db/like.js";
import {
  accounts,
  companies,
  personalRooms,
  teamRooms,
  videoAddresses,
  videoSystems,
} from "../../db/schema.js";

type CompanyStatus = "trial" | "paid" | "suspended";
type AccountStatus = "active" | "invited" | "suspended";

/** The person an address belongs to: a member, a personal room's owner, a twinned system's member. */
export interface TargetPerson {
  accountId: string;
  fullName: string;
  email: string;
  status: AccountStatus;
  role: "admin" | "member";
}

interface TargetBase {
  address: string;
  companyId: string;
  companyStatus: CompanyStatus;
}

/**
 * What one video address reaches, with everything a policy answer needs, read in one query.
 * A video system twinned to a member with the member's own address is the `member` target.
 */
export type AddressTarget =
  | (TargetBase & {
      type: "personal_room";
      roomId: string;
      name: string;
      hostPin: string | null;
      guestPin: string | null;
      person: TargetPerson;
    })
  | (TargetBase & {
      type: "team_room";
      roomId: string;
      name: string;
      hostPin: string | null;
      guestPin: string | null;
      ownerMode: "admins" | "all_members" | "chosen";
      /** The chosen owners' accounts (owner mode `chosen` only; empty otherwise). */
      chosenOwnerIds: string[];
    })
  | (TargetBase & { type: "member"; person: TargetPerson })
  | (TargetBase & { type: "video_system"; systemId: string; name: string; person: TargetPerson | null });

interface TargetRow {
  address: string;
  owner_type: AddressTarget["type"];
  owner_id: string;
  company_id: string;
  company_status: CompanyStatus;
  name: string | null;
  host_pin: string | null;
  guest_pin: string | null;
  owner_mode: "admins" | "all_members" | "chosen" | null;
  chosen_owner_ids: string[] | null;
  person_id: string | null;
  person_name: string | null;
  person_email: string | null;
  person_status: AccountStatus | null;
  person_role: "admin" | "member" | null;
}

const person = alias(accounts, "p");

/** The select every target read shares: the address's row and each owner table on its primary key. */
function targetSelect(db: Db) {
  return db
    .select({
      address: videoAddresses.address,
      owner_type: videoAddresses.ownerType,
      owner_id: videoAddresses.ownerId,
      company_id: videoAddresses.companyId,
      company_status: companies.status,
      name: sql<string | null>`coalesce(${personalRooms.name}, ${teamRooms.name}, ${videoSystems.name})`,
      host_pin: sql<string | null>`coalesce(${personalRooms.hostPin}, ${teamRooms.hostPin})`,
      guest_pin: sql<string | null>`coalesce(${personalRooms.guestPin}, ${teamRooms.guestPin})`,
      owner_mode: teamRooms.ownerMode,
      chosen_owner_ids: sql<string[] | null>`case when ${teamRooms.ownerMode} = 'chosen' then
        array(select o.account_id from team_room_owners o where o.room_id = ${teamRooms.id}) end`,
      person_id: person.id,
      person_name: person.fullName,
      person_email: person.email,
      person_status: person.status,
      person_role: person.role,
    })
    .from(videoAddresses)
    .innerJoin(companies, eq(companies.id, videoAddresses.companyId))
    .leftJoin(
      personalRooms,
      and(eq(videoAddresses.ownerType, "personal_room"), eq(personalRooms.id, videoAddresses.ownerId)),
    )
    .leftJoin(
      teamRooms,
      and(eq(videoAddresses.ownerType, "team_room"), eq(teamRooms.id, videoAddresses.ownerId)),
    )
    .leftJoin(
      videoSystems,
      and(eq(videoAddresses.ownerType, "video_system"), eq(videoSystems.id, videoAddresses.ownerId)),
    )
    .leftJoin(
      person,
      eq(
        person.id,
        sql`case ${videoAddresses.ownerType}
          when 'member' then ${videoAddresses.ownerId}
          when 'personal_room' then ${personalRooms.accountId}
          when 'video_system' then ${videoSystems.twinnedAccountId} end`,
      ),
    );
}

/** One statement, prepared once per connection (`policy_target`): planning it cost more than running it. */
function targetQuery(db: Db) {
  return targetSelect(db)
    .where(eq(videoAddresses.address, sql.placeholder("address")))
    .limit(1)
    .prepare("policy_target");
}

const prepared = new WeakMap<Db, ReturnType<typeof targetQuery>>();

/**
 * The target of `address` (stored form), or null when no one has it. The registry's primary
 * key finds the address; each owner table is joined on its own primary key, so the query costs
 * a handful of index probes however large the service is.
 */
export async function findAddressTarget(db: Db, address: string): Promise<AddressTarget | null> {
  let query = prepared.get(db);
  if (!query) {
    query = targetQuery(db);
    prepared.set(db, query);
  }
  const [row] = (await query.execute({ address })) as TargetRow[];
  return row ? toTarget(row) : null;
}

/**
 * The targets of many addresses (stored forms) in one statement, for the event sink's batches;
 * an address no one has is absent from the map.
 */
export async function findAddressTargets(
  db: Db,
  addresses: readonly string[],
): Promise<Map<string, AddressTarget | null>> {
  const found = new Map<string, AddressTarget | null>();
  if (addresses.length === 0) return found;
  const rows = (await targetSelect(db).where(
    sql`${videoAddresses.address} = any(${sql.param([...addresses])}::text[])`,
  )) as TargetRow[];
  for (const row of rows) found.set(row.address, toTarget(row));
  return found;
}

function toTarget(row: TargetRow): AddressTarget | null {
  const base = { address: row.address, companyId: row.company_id, companyStatus: row.company_status };
  const person: TargetPerson | null =
    row.person_id && row.person_name !== null && row.person_status && row.person_role
      ? {
          accountId: row.person_id,
          fullName: row.person_name,
          email: row.person_email ?? "",
          status: row.person_status,
          role: row.person_role,
        }
      : null;
  switch (row.owner_type) {
    case "personal_room":
      if (!person || row.name === null) return null;
      return { ...base, type: "personal_room", roomId: row.owner_id, name: row.name, ...pins(row), person };
    case "team_room":
      if (row.name === null) return null;
      return {
        ...base,
        type: "team_room",
        roomId: row.owner_id,
        name: row.name,
        ...pins(row),
        ownerMode: row.owner_mode ?? "admins",
        chosenOwnerIds: row.chosen_owner_ids ?? [],
      };
    case "member":
      return person ? { ...base, type: "member", person } : null;
    case "video_system":
      if (row.name === null) return null;
      return { ...base, type: "video_system", systemId: row.owner_id, name: row.name, person };
  }
}

const pins = (row: TargetRow) => ({ hostPin: row.host_pin, guestPin: row.guest_pin });

/** Every domain the service and its companies own (lowercase), for "reject unknown addresses". */
export async function listOwnedDomains(db: Db): Promise<Set<string>> {
  const rows = await queryRows<{ domain: string }>(
    db,
    sql`select unnest(domains) as domain from service union select domain from company_domains`,
  );
  return new Set(rows.map((r) => r.domain.toLowerCase()));
}

export interface DirectoryEntry {
  alias: string;
  description: string;
}

/**
 * Infinity's directory for one company: active members, their personal rooms, team rooms and
 * video systems whose name or address contains `q`, by name (case-insensitively) then address.
 * Invited and suspended members (and their rooms) are left out: they cannot be called.
 */
export async function searchCompanyDirectory(
  db: Db,
  companyId: string,
  q: string,
  limit: number,
): Promise<DirectoryEntry[]> {
  const pattern = containsPattern(q.toLowerCase());
  return queryRows<DirectoryEntry>(
    db,
    sql`
      select alias, description from (
        select a.video_address as alias, a.full_name as description
          from accounts a
          where a.company_id = ${companyId} and a.kind = 'member' and a.status = 'active'
            and a.video_address is not null
            and (lower(a.full_name) like ${pattern} or a.video_address like ${pattern})
        union all
        select pr.address, pr.name
          from personal_rooms pr join accounts a on a.id = pr.account_id
          where pr.company_id = ${companyId} and a.status = 'active'
            and (lower(pr.name) like ${pattern} or pr.address like ${pattern})
        union all
        select tr.address, tr.name from team_rooms tr
          where tr.company_id = ${companyId}
            and (lower(tr.name) like ${pattern} or tr.address like ${pattern})
        union all
        select vs.address, vs.name from video_systems vs
          where vs.company_id = ${companyId}
            -- A system twinned under its member's own address is already listed as the member.
            and not exists (select 1 from accounts t where t.id = vs.twinned_account_id and t.video_address = vs.address)
            and (lower(vs.name) like ${pattern} or vs.address like ${pattern})
      ) entries
      order by lower(description), alias
      limit ${limit}`,
  );
}
