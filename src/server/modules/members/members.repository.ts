import { and, asc, count, desc, eq, inArray, like, ne, or, type SQL, sql } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import { type Db, queryRows } from "../../db/client.js";
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

const lowerName = sql`lower(${accounts.fullName})`;

/** What each sort orders by before the tie-breakers (name, then id); fullName has nothing. */
const SORT_LEADS: Record<string, AnyPgColumn | undefined> = {
  fullName: undefined,
  email: accounts.email,
  videoAddress: accounts.videoAddress,
  createdAt: accounts.createdAt,
  status: accounts.status,
  role: accounts.role,
};

interface OrderKey {
  key: SQL | AnyPgColumn;
  descending: boolean;
}

/**
 * The list's order, key by key, matching one of the `accounts_members_*_idx` indexes exactly
 * (schema.ts) so a page is read off the index. Ties read by name, then id, so pages never
 * overlap. A descending sort is the exact reverse of the ascending one (ties by name Z to A),
 * so one index serves both; only -createdAt, which has an index of its own, keeps ties A to Z
 * (members invited together in one batch read by name).
 */
function orderKeys(sort: MemberSort): OrderKey[] {
  const descending = sort.startsWith("-");
  const field = descending ? sort.slice(1) : sort;
  const lead = SORT_LEADS[field];
  const tiesDescending = descending && field !== "createdAt";
  return [
    ...(lead ? [{ key: lead, descending }] : []),
    { key: lowerName, descending: tiesDescending },
    { key: accounts.id, descending: tiesDescending },
  ];
}

/** The stored columns the order's keys are computed from (id, name and the sort's lead). */
function sortColumns(sort: MemberSort): AnyPgColumn[] {
  const lead = SORT_LEADS[sort.replace("-", "")];
  return [accounts.id, accounts.fullName, ...(lead ? [lead] : [])];
}

/** ORDER BY for `keys` (backwards when `reversed`). */
function orderBy(keys: OrderKey[], options: { reversed?: boolean } = {}): SQL[] {
  return keys.map(({ key, descending }) => (descending !== Boolean(options.reversed) ? desc(key) : asc(key)));
}

/**
 * A search counts its matches up to this many and sorts them itself; beyond, the list says
 * "10,000+" (typing more narrows it) and pages walk the sort's index, where matches are then
 * dense enough to be found fast. An exact count of a search matching most of 100,000 members
 * costs a scan of them all; a lower cap would walk the index past sparse matches (all of
 * them at the end of the order) and be slower still.
 */
export const SEARCH_TOTAL_CAP = 10_000;

/**
 * Searches this short match the start of a word of the name, email or address ("z" finds Zoë,
 * "jo" John and jo.smith@…); longer ones, and short ones with other characters, match anywhere.
 */
const SHORT_WORD_START = /^[a-z0-9]{1,2}$/;

/**
 * Characters that are punctuation in every locale (ICU's too) and the space. Between two of
 * them, a run of letters is a word of search_words on its own: its text is search_text's with
 * each run of punctuation and spaces made one space. Digits are left out (the parser reads
 * "2e10abc" as "2e10" and "abc"); `$`, `+`, `<`, `=`, `>`, `^`, `` ` ``, `|` and `~` are symbols
 * to ICU, which keeps them in the text.
 */
const WORD_EDGE = String.raw`[ !"#%&'()*,\-./:;?@[\\\]_{}]`;
const WHOLE_WORD = new RegExp(`(?<=${WORD_EDGE})[a-z]+(?=${WORD_EDGE})`, "g");

/**
 * What a member matching a LIKE search must also hold, for the indexes that find such members
 * fastest; none of them changes what is found, the LIKE still decides:
 * - the whole words of the search, letters between punctuation ("@mail.example" holds "mail"),
 *   are words of the member's search_words: the word index reads the members holding "mail",
 *   where the trigram index reads every member holding "example", say the company's domain;
 * - a search of one or two characters has no trigram: when one is not ASCII ("ë", "zö"), the
 *   members holding those characters are read from the character index (the set of characters
 *   of search_text, accounts_search_chars_idx) instead of every member. ASCII punctuation
 *   ("@", ".") is in nearly every member, where scanning finds enough matches at once.
 */
function likeIndexHints(needle: string): SQL[] {
  const hints: SQL[] = [];
  const words = [...new Set(needle.match(WHOLE_WORD))];
  if (words.length > 0) {
    hints.push(sql`${accounts.searchWords} @@ to_tsquery('simple', ${words.join(" & ")})`);
  }
  const characters = [...needle];
  if (characters.length <= 2 && /[^\p{ASCII}]/u.test(needle)) {
    const list = sql.join(
      characters.map((c) => sql`${c}`),
      sql`, `,
    );
    // The very expression indexed.
    hints.push(sql`string_to_array(${accounts.searchText}, null) @> array[${list}]::text[]`);
  }
  return hints;
}

/**
 * The members the filter finds. `withIndexHints` adds what they must also hold for the indexes
 * (likeIndexHints), for statements that collect the matches; a walk of a sort's index, which
 * checks each member it passes, is faster without.
 */
function memberWhere(
  companyId: string,
  filter: MemberFilter,
  { withIndexHints = false } = {},
): SQL | undefined {
  const conditions: SQL[] = [eq(accounts.companyId, companyId), eq(accounts.kind, "member")];
  if (filter.status) conditions.push(eq(accounts.status, filter.status));
  if (filter.q) {
    // Emails and addresses are stored lowercased, the name is lowercased into search_text:
    // a plain LIKE on it matches case-insensitively and can use its trigram index.
    const needle = filter.q.toLowerCase();
    const pattern = containsPattern(needle);
    if (SHORT_WORD_START.test(needle)) {
      // One or two letters or digits: the start of a word, from the word index (see schema.ts).
      conditions.push(sql`${accounts.searchWords} @@ to_tsquery('simple', ${`${needle}:*`})`);
    } else if (!needle.includes("\n")) {
      conditions.push(like(accounts.searchText, pattern));
      if (withIndexHints) conditions.push(...likeIndexHints(needle));
    } else {
      // search_text keeps one field a line; a search with a line break checks them one by one.
      const matches = or(
        like(lowerName, pattern),
        like(accounts.email, pattern),
        like(accounts.videoAddress, pattern),
      );
      if (matches) conditions.push(matches);
    }
  }
  return and(...conditions);
}

const roomJoin = and(
  eq(personalRooms.companyId, accounts.companyId),
  eq(personalRooms.accountId, accounts.id),
);

/**
 * One page: its ids first (an index-only scan of the sort's index, however far it skips, or the
 * few matches sorted), then only those rows and their rooms. `reversed` reads the order
 * backwards (the caller flips the rows back).
 */
async function readPage(
  db: Db,
  where: SQL | undefined,
  keys: OrderKey[],
  window: { limit: number; offset: number; reversed?: boolean },
): Promise<MemberListRow[]> {
  const ids = db
    .select({ pageId: accounts.id })
    .from(accounts)
    .where(where)
    .orderBy(...orderBy(keys, window))
    .limit(window.limit)
    .offset(window.offset)
    .as("page");
  const rows = await db
    .select(memberColumns)
    .from(ids)
    .innerJoin(accounts, eq(accounts.id, ids.pageId))
    .leftJoin(personalRooms, roomJoin)
    .orderBy(...orderBy(keys, { reversed: window.reversed }));
  return rows as MemberListRow[];
}

/**
 * A search's matches, up to `cap` + 1 of them, collected (with the trigram, word or character
 * index, or one scan), counted and sorted in one statement; null when there are more than
 * `cap`. The matches keep only the stored columns the order needs, so past the cap (where the
 * page is read off the sort's index instead) nothing is computed or sorted for them.
 */
async function readFewMatches(
  db: Db,
  where: SQL | undefined,
  sort: MemberSort,
  window: { limit: number; offset: number },
  cap: number,
): Promise<{ items: MemberListRow[]; total: number } | null> {
  const keys = orderKeys(sort);
  // The matches are read back under the table's name, so the order's keys apply to them as is.
  const [found] = await queryRows<{ total: number; ids: string[] | null }>(
    db,
    sql`with matches as materialized (
          select ${sql.join(sortColumns(sort), sql`, `)}
          from ${accounts} where ${where ?? sql`true`} limit ${cap + 1}),
        counted as (select count(*)::int as total from matches)
        select total,
               case when total <= ${cap} then (select array_agg(page.id::text) from (
                  select ${accounts.id} from matches as ${accounts}
                  order by ${sql.join(orderBy(keys), sql`, `)}
                  limit ${window.limit} offset ${window.offset}) as page) end as ids
        from counted`,
  );
  const total = Number(found?.total ?? 0);
  if (total > cap) return null;
  const ids = found?.ids ?? [];
  if (ids.length === 0) return { items: [], total };
  const rows = await db
    .select(memberColumns)
    .from(accounts)
    .leftJoin(personalRooms, roomJoin)
    .where(inArray(accounts.id, ids))
    .orderBy(...orderBy(keys));
  return { items: rows as MemberListRow[], total };
}

export interface MemberListPage {
  items: MemberListRow[];
  total: number;
  /** The search matched more than the cap (SEARCH_TOTAL_CAP) members; `total` is the cap. */
  totalCapped: boolean;
}

export async function listMembers(
  db: Db,
  companyId: string,
  query: MemberListQuery,
  searchCap = SEARCH_TOTAL_CAP,
): Promise<MemberListPage> {
  const where = memberWhere(companyId, query);
  const keys = orderKeys(query.sort);
  const offset = (query.page - 1) * query.pageSize;
  if (query.q) {
    const window = { limit: query.pageSize, offset };
    const matching = memberWhere(companyId, query, { withIndexHints: true });
    const few = await readFewMatches(db, matching, query.sort, window, searchCap);
    if (few) return { ...few, totalCapped: false };
    return { items: await readPage(db, where, keys, window), total: searchCap, totalCapped: true };
  }
  const countMembers = async (on: Db) =>
    (await on.select({ value: count() }).from(accounts).where(where))[0]?.value ?? 0;
  if (offset === 0) {
    const [items, total] = await Promise.all([
      readPage(db, where, keys, { limit: query.pageSize, offset: 0 }),
      countMembers(db),
    ]);
    return { items, total, totalCapped: false };
  }
  // Further pages need the total first (one snapshot, so the two agree): past the middle of
  // the list the page is read from the far end, so no page skips more than half of it.
  return db.transaction(
    async (tx) => {
      const total = await countMembers(tx);
      if (offset >= total) return { items: [] as MemberListRow[], total, totalCapped: false };
      const limit = Math.min(query.pageSize, total - offset);
      const fromEnd = total - offset - limit;
      const items =
        fromEnd < offset
          ? (await readPage(tx, where, keys, { limit, offset: fromEnd, reversed: true })).reverse()
          : await readPage(tx, where, keys, { limit, offset });
      return { items, total, totalCapped: false };
    },
    { isolationLevel: "repeatable read", accessMode: "read only" },
  );
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
    .where(memberWhere(companyId, filter, { withIndexHints: true }))
    .orderBy(...orderBy(orderKeys(filter.sort)));
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
