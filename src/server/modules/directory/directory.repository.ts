import { and, asc, count, eq, like, or, type SQL, sql } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { containsPattern } from "../../db/like.js";
import { accounts, personalRooms } from "../../db/schema.js";

/** One line of the directory as stored; `type` says what it is (team rooms will be "room"). */
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

/**
 * One page of the company's directory, by name (case-insensitively), then id so pages never
 * overlap. Team rooms (issue 5) join this as a UNION ALL of rows of the same shape.
 */
export async function listDirectory(db: Db, companyId: string, query: DirectoryQuery) {
  const where = peopleWhere(companyId, query.q);
  const [items, [total]] = await Promise.all([
    db
      .select({
        type: sql<"person">`'person'`,
        id: accounts.id,
        name: accounts.fullName,
        address: accounts.videoAddress,
        roomName: personalRooms.name,
        roomAddress: personalRooms.address,
      })
      .from(accounts)
      .leftJoin(personalRooms, roomJoin)
      .where(where)
      .orderBy(asc(sql`lower(${accounts.fullName})`), asc(accounts.id))
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize),
    db.select({ value: count() }).from(accounts).leftJoin(personalRooms, roomJoin).where(where),
  ]);
  return { items: items as DirectoryRow[], total: total?.value ?? 0 };
}
