import { and, asc, count, eq, exists, ilike, inArray, or, type SQL, sql } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { containsPattern } from "../../db/like.js";
import { accounts, teamRoomOwners, teamRooms } from "../../db/schema.js";

export type TeamRoomRow = typeof teamRooms.$inferSelect;
export type NewTeamRoom = typeof teamRooms.$inferInsert;
export type TeamRoomChanges = Partial<Pick<TeamRoomRow, "name" | "address" | "hostPin" | "guestPin">>;

export interface RoomOwner {
  id: string;
  fullName: string;
}

export interface PageQuery {
  q?: string | undefined;
  page: number;
  pageSize: number;
}

const lowerName = sql`lower(${teamRooms.name})`;
const order = [asc(lowerName), asc(teamRooms.id)];

function searchCondition(q: string | undefined): SQL | undefined {
  if (!q) return undefined;
  const pattern = containsPattern(q);
  return or(ilike(teamRooms.name, pattern), ilike(teamRooms.address, pattern));
}

async function readPage(db: Db, where: SQL | undefined, query: PageQuery) {
  const [items, [total]] = await Promise.all([
    db
      .select()
      .from(teamRooms)
      .where(where)
      .orderBy(...order)
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize),
    db.select({ value: count() }).from(teamRooms).where(where),
  ]);
  return { items, total: total?.value ?? 0 };
}

/** One page of the company's team rooms, by name, matching `q` in the name or address. */
export async function listTeamRooms(db: Db, companyId: string, query: PageQuery) {
  return readPage(db, and(eq(teamRooms.companyId, companyId), searchCondition(query.q)), query);
}

/**
 * The rooms a member of the company controls besides its admins: every room open to all
 * members, and those they were chosen for. (Admins control all; the caller decides that.)
 */
export async function listRoomsOwnedBy(
  db: Db,
  companyId: string,
  member: { accountId: string; isAdmin: boolean },
  query: PageQuery,
) {
  const chosen = exists(
    db
      .select({ one: sql`1` })
      .from(teamRoomOwners)
      .where(
        and(
          eq(teamRoomOwners.companyId, companyId),
          eq(teamRoomOwners.roomId, teamRooms.id),
          eq(teamRoomOwners.accountId, member.accountId),
        ),
      ),
  );
  const owned = member.isAdmin
    ? undefined
    : or(eq(teamRooms.ownerMode, "all_members"), and(eq(teamRooms.ownerMode, "chosen"), chosen));
  return readPage(db, and(eq(teamRooms.companyId, companyId), owned, searchCondition(query.q)), query);
}

export async function findTeamRoom(
  db: Db,
  companyId: string,
  roomId: string,
): Promise<TeamRoomRow | undefined> {
  const [row] = await db
    .select()
    .from(teamRooms)
    .where(and(eq(teamRooms.companyId, companyId), eq(teamRooms.id, roomId)))
    .limit(1);
  return row;
}

/** The room locked until the transaction ends, so two edits of its PINs cannot interleave. */
export async function lockTeamRoom(
  tx: Db,
  companyId: string,
  roomId: string,
): Promise<TeamRoomRow | undefined> {
  const [row] = await tx
    .select()
    .from(teamRooms)
    .where(and(eq(teamRooms.companyId, companyId), eq(teamRooms.id, roomId)))
    .for("update");
  return row;
}

export async function findTeamRoomsByIds(
  db: Db,
  companyId: string,
  ids: readonly string[],
): Promise<TeamRoomRow[]> {
  if (ids.length === 0) return [];
  return db
    .select()
    .from(teamRooms)
    .where(and(eq(teamRooms.companyId, companyId), inArray(teamRooms.id, [...ids])))
    .orderBy(...order);
}

/** The chosen owners of each room, by name. */
export async function findRoomOwners(
  db: Db,
  companyId: string,
  roomIds: readonly string[],
): Promise<Map<string, RoomOwner[]>> {
  const byRoom = new Map<string, RoomOwner[]>(roomIds.map((roomId) => [roomId, []]));
  if (roomIds.length === 0) return byRoom;
  const rows = await db
    .select({ roomId: teamRoomOwners.roomId, id: accounts.id, fullName: accounts.fullName })
    .from(teamRoomOwners)
    .innerJoin(accounts, eq(accounts.id, teamRoomOwners.accountId))
    .where(and(eq(teamRoomOwners.companyId, companyId), inArray(teamRoomOwners.roomId, [...roomIds])))
    .orderBy(asc(sql`lower(${accounts.fullName})`), asc(accounts.id));
  for (const row of rows) byRoom.get(row.roomId)?.push({ id: row.id, fullName: row.fullName });
  return byRoom;
}

export async function insertTeamRoom(tx: Db, room: NewTeamRoom): Promise<TeamRoomRow> {
  const [row] = await tx.insert(teamRooms).values(room).returning();
  if (!row) throw new Error("insert into team_rooms returned no row");
  return row;
}

export async function updateTeamRoom(
  tx: Db,
  companyId: string,
  roomId: string,
  changes: TeamRoomChanges & { ownerMode?: TeamRoomRow["ownerMode"] },
): Promise<TeamRoomRow> {
  if (Object.keys(changes).length === 0) {
    const current = await findTeamRoom(tx, companyId, roomId);
    if (!current) throw new Error(`team room ${roomId} vanished`);
    return current;
  }
  const [row] = await tx
    .update(teamRooms)
    .set(changes)
    .where(and(eq(teamRooms.companyId, companyId), eq(teamRooms.id, roomId)))
    .returning();
  if (!row) throw new Error(`team room ${roomId} vanished`);
  return row;
}

/** Replaces a room's chosen owners. */
export async function replaceRoomOwners(
  tx: Db,
  companyId: string,
  roomId: string,
  accountIds: readonly string[],
): Promise<void> {
  await tx
    .delete(teamRoomOwners)
    .where(and(eq(teamRoomOwners.companyId, companyId), eq(teamRoomOwners.roomId, roomId)));
  if (accountIds.length === 0) return;
  await tx.insert(teamRoomOwners).values(accountIds.map((accountId) => ({ companyId, roomId, accountId })));
}

/** Removes rooms (their owners go with them: the foreign key cascades). */
export async function deleteTeamRooms(
  tx: Db,
  companyId: string,
  roomIds: readonly string[],
): Promise<number> {
  if (roomIds.length === 0) return 0;
  const deleted = await tx
    .delete(teamRooms)
    .where(and(eq(teamRooms.companyId, companyId), inArray(teamRooms.id, [...roomIds])))
    .returning({ id: teamRooms.id });
  return deleted.length;
}

/** Whether this member is one of the room's chosen owners. */
export async function isChosenOwner(db: Db, companyId: string, roomId: string, accountId: string) {
  const [row] = await db
    .select({ roomId: teamRoomOwners.roomId })
    .from(teamRoomOwners)
    .where(
      and(
        eq(teamRoomOwners.companyId, companyId),
        eq(teamRoomOwners.roomId, roomId),
        eq(teamRoomOwners.accountId, accountId),
      ),
    )
    .limit(1);
  return row !== undefined;
}
