import { and, count, eq, like, or, type SQL, sql } from "drizzle-orm";
import { unionAll } from "drizzle-orm/pg-core";
import type { Db } from "../../db/client.js";
import { containsPattern } from "../../db/like.js";
import { accounts, personalRooms, teamRooms } from "../../db/schema.js";

/** One line of the directory as stored: a person (with their personal room) or a team room. */
export interface DirectoryRow {
  type: "person" | "room";
  id: string;
  name: string;
  address: string | null;
  roomName: string | null;
  roomAddress: string | null;
}

export interface DirectoryQuery {
  q?: string | undefined;
  page: number;
  pageSize: number;
}

const roomJoin = and(
  eq(personalRooms.companyId, accounts.companyId),
  eq(personalRooms.accountId, accounts.id),
);

/** Active members only: invited people cannot be called yet, suspended ones no longer. */
function peopleWhere(companyId: string, q: string | undefined): SQL | undefined {
  const conditions: SQL[] = [
    eq(accounts.companyId, companyId),
    eq(accounts.kind, "member"),
    eq(accounts.status, "active"),
  ];
  if (q) {
    // Addresses are stored lowercased, so LIKE on them and on the lowercased name is
    // case-insensitive. Emails are deliberately not searched: they are not shown either.
    const pattern = containsPattern(q.toLowerCase());
    const matches = or(
      like(sql`lower(${accounts.fullName})`, pattern),
      like(accounts.videoAddress, pattern),
      like(personalRooms.address, pattern),
    );
    if (matches) conditions.push(matches);
  }
  return and(...conditions);
}

/** The company's team rooms whose name or address contains the search text. */
function roomsWhere(companyId: string, q: string | undefined): SQL | undefined {
  if (!q) return eq(teamRooms.companyId, companyId);
  const pattern = containsPattern(q.toLowerCase());
  return and(
    eq(teamRooms.companyId, companyId),
    or(like(sql`lower(${teamRooms.name})`, pattern), like(teamRooms.address, pattern)),
  );
}

/**
 * One page of the company's directory — people and team rooms together — by name
 * (case-insensitively), then id so pages never overlap.
 */
export async function listDirectory(db: Db, companyId: string, query: DirectoryQuery) {
  const people = db
    .select({
      type: sql<"person" | "room">`'person'`.as("type"),
      id: accounts.id,
      name: accounts.fullName,
      address: accounts.videoAddress,
      roomName: personalRooms.name,
      roomAddress: personalRooms.address,
      sortName: sql<string>`lower(${accounts.fullName})`.as("sort_name"),
    })
    .from(accounts)
    .leftJoin(personalRooms, roomJoin)
    .where(peopleWhere(companyId, query.q));
  const rooms = db
    .select({
      type: sql<"person" | "room">`'room'`.as("type"),
      id: teamRooms.id,
      name: teamRooms.name,
      address: teamRooms.address,
      roomName: sql<string | null>`null::text`.as("room_name"),
      roomAddress: sql<string | null>`null::text`.as("room_address"),
      sortName: sql<string>`lower(${teamRooms.name})`.as("sort_name"),
    })
    .from(teamRooms)
    .where(roomsWhere(companyId, query.q));
  const [items, [peopleCount], [roomCount]] = await Promise.all([
    unionAll(people, rooms)
      .orderBy(sql`sort_name`, sql`id`)
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize),
    db
      .select({ value: count() })
      .from(accounts)
      .leftJoin(personalRooms, roomJoin)
      .where(peopleWhere(companyId, query.q)),
    db.select({ value: count() }).from(teamRooms).where(roomsWhere(companyId, query.q)),
  ]);
  const rows: DirectoryRow[] = items.map(({ sortName: _sortName, ...row }) => row);
  return { items: rows, total: (peopleCount?.value ?? 0) + (roomCount?.value ?? 0) };
}
