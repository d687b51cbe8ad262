import { and, asc, count, desc, eq, inArray, like, ne, or, type SQL, sql } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { isUniqueViolation } from "../../db/errors.js";
import { containsPattern } from "../../db/like.js";
import { accounts, personalRooms, videoAddresses } from "../../db/schema.js";
import { ConflictError } from "../../errors.js";
import type { AccountRow } from "../auth/accounts.repository.js";
import type { PersonalRoomRow } from "../rooms/personal-rooms.repository.js";

export type MemberStatus = AccountRow["status"];

export const MEMBER_SORTS = [
  "fullName",
  "-fullName",
  "email",
  "-email",
  "videoAddress",
  "-videoAddress",
  "createdAt",
  "-createdAt",
  "status",
  "role",
] as const;
export type MemberSort = (typeof MEMBER_SORTS)[number];

export interface MemberFilter {
  q?: string | undefined;
  status?: MemberStatus | undefined;
}

export interface MemberListQuery extends MemberFilter {
  sort: MemberSort;
  page: number;
  pageSize: number;
}

const memberColumns = {
  id: accounts.id,
  fullName: accounts.fullName,
  email: accounts.email,
  videoAddress: accounts.videoAddress,
  role: accounts.role,
  status: accounts.status,
  createdAt: accounts.createdAt,
  personalRoomAddress: personalRooms.address,
};

export interface MemberListRow {
  id: string;
  fullName: string;
  email: string;
  videoAddress: string | null;
  role: "admin" | "member" | null;
  status: MemberStatus;
  createdAt: Date;
  personalRoomAddress: string | null;
}

const SORT_COLUMNS: Record<string, SQL> = {
  fullName: sql`lower(${accounts.fullName})`,
  email: sql`${accounts.email}`,
  videoAddress: sql`${accounts.videoAddress}`,
  createdAt: sql`${accounts.createdAt}`,
  status: sql`${accounts.status}`,
  role: sql`${accounts.role}`,
};

function orderFor(sort: MemberSort): SQL[] {
  const descending = sort.startsWith("-");
  const column = SORT_COLUMNS[descending ? sort.slice(1) : sort] ?? sql`lower(${accounts.fullName})`;
  // Ties (same status, same role) read by name, then id, so pages never overlap.
  return [descending ? desc(column) : asc(column), asc(sql`lower(${accounts.fullName})`), asc(accounts.id)];
}

function memberWhere(companyId: string, filter: MemberFilter): SQL | undefined {
  const conditions: SQL[] = [eq(accounts.companyId, companyId), eq(accounts.kind, "member")];
  if (filter.status) conditions.push(eq(accounts.status, filter.status));
  if (filter.q) {
    // Emails and addresses are stored lowercased: a plain LIKE on them (and on the lowercased
    // name) matches case-insensitively and is cheaper than ILIKE on every row.
    const pattern = containsPattern(filter.q.toLowerCase());
    const matches = or(
      like(sql`lower(${accounts.fullName})`, pattern),
      like(accounts.email, pattern),
      like(accounts.videoAddress, pattern),
    );
    if (matches) conditions.push(matches);
  }
  return and(...conditions);
}

const roomJoin = and(
  eq(personalRooms.companyId, accounts.companyId),
  eq(personalRooms.accountId, accounts.id),
);

export async function listMembers(db: Db, companyId: string, query: MemberListQuery) {
  const where = memberWhere(companyId, query);
  const [items, [total]] = await Promise.all([
    db
      .select(memberColumns)
      .from(accounts)
      .leftJoin(personalRooms, roomJoin)
      .where(where)
      .orderBy(...orderFor(query.sort))
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize),
    db.select({ value: count() }).from(accounts).where(where),
  ]);
  return { items: items as MemberListRow[], total: total?.value ?? 0 };
}

/** Every member matching the filter, in the list's order (for the CSV export). */
export async function listAllMembers(
  db: Db,
  companyId: string,
  filter: MemberFilter & { sort: MemberSort },
): Promise<MemberListRow[]> {
  const rows = await db
    .select(memberColumns)
    .from(accounts)
    .leftJoin(personalRooms, roomJoin)
    .where(memberWhere(companyId, filter))
    .orderBy(...orderFor(filter.sort));
  return rows as MemberListRow[];
}

export interface MemberRow {
  account: AccountRow;
  room: PersonalRoomRow | null;
}

/** One member of the company (any status), or undefined for anyone else. */
export async function findMember(
  db: Db,
  companyId: string,
  memberId: string,
): Promise<MemberRow | undefined> {
  const [row] = await db
    .select({ account: accounts, room: personalRooms })
    .from(accounts)
    .leftJoin(personalRooms, roomJoin)
    .where(and(eq(accounts.id, memberId), eq(accounts.companyId, companyId), eq(accounts.kind, "member")))
    .limit(1);
  return row;
}

/** Those of `ids` that are members of the company (optionally only those in one status). */
export async function findMembersByIds(
  db: Db,
  companyId: string,
  ids: readonly string[],
  status?: MemberStatus,
): Promise<AccountRow[]> {
  if (ids.length === 0) return [];
  const conditions = [
    eq(accounts.companyId, companyId),
    eq(accounts.kind, "member"),
    inArray(accounts.id, [...ids]),
  ];
  if (status) conditions.push(eq(accounts.status, status));
  return db
    .select()
    .from(accounts)
    .where(and(...conditions));
}

/** The company's admins who are not suspended: the ones who can run it. */
export async function findAdminIds(db: Db, companyId: string): Promise<string[]> {
  const rows = await db
    .select({ id: accounts.id })
    .from(accounts)
    .where(
      and(
        eq(accounts.companyId, companyId),
        eq(accounts.kind, "member"),
        eq(accounts.role, "admin"),
        ne(accounts.status, "suspended"),
      ),
    );
  return rows.map((r) => r.id);
}

export const EMAIL_TAKEN = "An account with this email already exists.";

export async function updateMemberAccount(
  tx: Db,
  companyId: string,
  memberId: string,
  changes: Partial<Pick<AccountRow, "fullName" | "email" | "videoAddress" | "role">>,
): Promise<void> {
  if (Object.keys(changes).length === 0) return;
  try {
    // A savepoint, so a conflict leaves the caller's transaction usable on PostgreSQL.
    await tx.transaction(async (sp) => {
      await sp
        .update(accounts)
        .set(changes)
        .where(and(eq(accounts.id, memberId), eq(accounts.companyId, companyId)));
    });
  } catch (error) {
    if (isUniqueViolation(error, "accounts_email_key"))
      throw new ConflictError(EMAIL_TAKEN, { email: EMAIL_TAKEN });
    throw error;
  }
}

export async function updatePersonalRoom(
  tx: Db,
  companyId: string,
  roomId: string,
  changes: Partial<Pick<PersonalRoomRow, "name" | "address" | "hostPin" | "guestPin">>,
): Promise<void> {
  if (Object.keys(changes).length === 0) return;
  await tx
    .update(personalRooms)
    .set(changes)
    .where(and(eq(personalRooms.id, roomId), eq(personalRooms.companyId, companyId)));
}

/**
 * Removes members with their personal VMRs and every address they and their rooms hold.
 * Sessions, invitations and reset links go with the accounts (their foreign keys cascade).
 */
export async function deleteMembers(
  tx: Db,
  companyId: string,
  memberIds: readonly string[],
): Promise<number> {
  if (memberIds.length === 0) return 0;
  const ids = [...memberIds];
  const rooms = await tx
    .delete(personalRooms)
    .where(and(eq(personalRooms.companyId, companyId), inArray(personalRooms.accountId, ids)))
    .returning({ id: personalRooms.id });
  const owners: SQL[] = [
    and(eq(videoAddresses.ownerType, "member"), inArray(videoAddresses.ownerId, ids)) as SQL,
  ];
  if (rooms.length > 0) {
    owners.push(
      and(
        eq(videoAddresses.ownerType, "personal_room"),
        inArray(
          videoAddresses.ownerId,
          rooms.map((r) => r.id),
        ),
      ) as SQL,
    );
  }
  await tx.delete(videoAddresses).where(and(eq(videoAddresses.companyId, companyId), or(...owners)));
  const deleted = await tx
    .delete(accounts)
    .where(and(eq(accounts.companyId, companyId), eq(accounts.kind, "member"), inArray(accounts.id, ids)))
    .returning({ id: accounts.id });
  return deleted.length;
}
