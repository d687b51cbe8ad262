import { and, asc, count, eq, ilike, inArray, isNotNull, isNull, or, type SQL, sql } from "drizzle-orm";
import { chunked, insertRows, VALUES_PER_LOOKUP } from "../../db/batches.js";
import type { Db } from "../../db/client.js";
import { isUniqueViolation } from "../../db/errors.js";
import { containsPattern } from "../../db/like.js";
import { accounts, videoAddresses, videoSystems } from "../../db/schema.js";
import { ConflictError } from "../../errors.js";

export type VideoSystemRow = typeof videoSystems.$inferSelect;
export type NewVideoSystem = typeof videoSystems.$inferInsert;
export type VideoSystemChanges = Partial<Pick<VideoSystemRow, "name" | "address">>;

/** A system with the member it is twinned to (null when shared). */
export interface VideoSystemView {
  system: VideoSystemRow;
  member: { id: string; fullName: string; videoAddress: string | null } | null;
}

export interface VideoSystemPageQuery {
  q?: string | undefined;
  twinned: "shared" | "twinned" | "all";
  page: number;
  pageSize: number;
}

const order = [asc(sql`lower(${videoSystems.name})`), asc(videoSystems.id)];
const memberColumns = { id: accounts.id, fullName: accounts.fullName, videoAddress: accounts.videoAddress };

function views(db: Db) {
  return db
    .select({ system: videoSystems, member: memberColumns })
    .from(videoSystems)
    .leftJoin(accounts, eq(accounts.id, videoSystems.twinnedAccountId));
}

function listCondition(companyId: string, query: VideoSystemPageQuery): SQL | undefined {
  const twinned =
    query.twinned === "shared"
      ? isNull(videoSystems.twinnedAccountId)
      : query.twinned === "twinned"
        ? isNotNull(videoSystems.twinnedAccountId)
        : undefined;
  const pattern = query.q ? containsPattern(query.q) : undefined;
  const search = pattern
    ? or(
        ilike(videoSystems.name, pattern),
        ilike(videoSystems.address, pattern),
        ilike(videoSystems.serialNumber, pattern),
      )
    : undefined;
  return and(eq(videoSystems.companyId, companyId), twinned, search);
}

/** One page of the company's video systems by name, matching `q` in name, address or serial. */
export async function listVideoSystems(db: Db, companyId: string, query: VideoSystemPageQuery) {
  const where = listCondition(companyId, query);
  const [items, [total]] = await Promise.all([
    views(db)
      .where(where)
      .orderBy(...order)
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize),
    db.select({ value: count() }).from(videoSystems).where(where),
  ]);
  return { items: items as VideoSystemView[], total: total?.value ?? 0 };
}

export async function findVideoSystem(
  db: Db,
  companyId: string,
  videoSystemId: string,
): Promise<VideoSystemView | undefined> {
  const [row] = await views(db)
    .where(and(eq(videoSystems.companyId, companyId), eq(videoSystems.id, videoSystemId)))
    .limit(1);
  return row as VideoSystemView | undefined;
}

/** The systems twinned to one member of the company, by name. */
export async function findSystemsTwinnedTo(db: Db, companyId: string, memberId: string) {
  const rows = await views(db)
    .where(and(eq(videoSystems.companyId, companyId), eq(videoSystems.twinnedAccountId, memberId)))
    .orderBy(...order);
  return rows as VideoSystemView[];
}

/** The system locked until the transaction ends, so two edits of its address cannot interleave. */
export async function lockVideoSystem(
  tx: Db,
  companyId: string,
  videoSystemId: string,
): Promise<VideoSystemRow | undefined> {
  const [row] = await tx
    .select()
    .from(videoSystems)
    .where(and(eq(videoSystems.companyId, companyId), eq(videoSystems.id, videoSystemId)))
    .for("update");
  return row;
}

export async function findVideoSystemsByIds(db: Db, companyId: string, ids: readonly string[]) {
  if (ids.length === 0) return [];
  return db
    .select()
    .from(videoSystems)
    .where(and(eq(videoSystems.companyId, companyId), inArray(videoSystems.id, [...ids])))
    .orderBy(...order);
}

export const SERIAL_IN_USE = "A video system with this serial number already has a subscription.";
export const ADDRESS_SUBSCRIBED = "Another video system already uses this address.";

/** Inserts one system; a serial number or address another request took a moment ago is a 409. */
export async function insertVideoSystem(tx: Db, system: NewVideoSystem): Promise<VideoSystemRow> {
  try {
    const [row] = await tx.insert(videoSystems).values(system).returning();
    if (!row) throw new Error("insert into video_systems returned no row");
    return row;
  } catch (error) {
    if (isUniqueViolation(error, "video_systems_serial_key")) {
      throw new ConflictError(SERIAL_IN_USE, { serialNumber: SERIAL_IN_USE });
    }
    if (isUniqueViolation(error, "video_systems_address_key")) {
      throw new ConflictError(ADDRESS_SUBSCRIBED, { videoAddress: ADDRESS_SUBSCRIBED });
    }
    throw error;
  }
}

/** Many systems in a few statements (a bulk create of up to 5,000). */
export async function insertVideoSystems(tx: Db, systems: readonly NewVideoSystem[]): Promise<void> {
  await insertRows(tx, videoSystems, systems);
}

export async function updateVideoSystem(
  tx: Db,
  companyId: string,
  videoSystemId: string,
  changes: VideoSystemChanges,
): Promise<void> {
  if (Object.keys(changes).length === 0) return;
  await tx
    .update(videoSystems)
    .set(changes)
    .where(and(eq(videoSystems.companyId, companyId), eq(videoSystems.id, videoSystemId)));
}

/** Removes systems (their activation codes go with them: the foreign key cascades). */
export async function deleteVideoSystems(tx: Db, companyId: string, ids: readonly string[]): Promise<number> {
  if (ids.length === 0) return 0;
  const deleted = await tx
    .delete(videoSystems)
    .where(and(eq(videoSystems.companyId, companyId), inArray(videoSystems.id, [...ids])))
    .returning({ id: videoSystems.id });
  return deleted.length;
}

/** Which of these addresses a video system (of any company) already has. */
export async function findSubscribedAddresses(db: Db, addresses: readonly string[]): Promise<Set<string>> {
  const found = new Set<string>();
  for (const chunk of chunked([...new Set(addresses)], VALUES_PER_LOOKUP)) {
    const rows = await db
      .select({ address: videoSystems.address })
      .from(videoSystems)
      .where(inArray(videoSystems.address, chunk));
    for (const row of rows) found.add(row.address);
  }
  return found;
}

/** Which of these serial numbers a video system (of any company) already has. */
export async function findTakenSerials(db: Db, serials: readonly string[]): Promise<Set<string>> {
  const found = new Set<string>();
  for (const chunk of chunked([...new Set(serials)], VALUES_PER_LOOKUP)) {
    const rows = await db
      .select({ serial: videoSystems.serialNumber })
      .from(videoSystems)
      .where(inArray(videoSystems.serialNumber, chunk));
    for (const row of rows) if (row.serial) found.add(row.serial);
  }
  return found;
}

/**
 * Makes the systems twinned to these members shared, before the members are deleted. A system
 * that uses its member's address takes over the member's registry row (owner_type becomes
 * "video_system"), so the address stays reserved for it when `deleteMembers` frees the member's.
 * Returns the systems that became shared, for the audit trail.
 */
export async function shareSystemsOfMembers(tx: Db, companyId: string, memberIds: readonly string[]) {
  if (memberIds.length === 0) return [];
  const systems = await tx
    .select()
    .from(videoSystems)
    .where(
      and(eq(videoSystems.companyId, companyId), inArray(videoSystems.twinnedAccountId, [...memberIds])),
    );
  if (systems.length === 0) return [];
  await tx.execute(sql`
    update ${videoAddresses} set owner_type = 'video_system', owner_id = vs.id
    from ${videoSystems} vs
    where ${videoAddresses.companyId} = ${companyId}
      and ${videoAddresses.ownerType} = 'member'
      and vs.company_id = ${companyId}
      and vs.twinned_account_id = ${videoAddresses.ownerId}
      and vs.address = ${videoAddresses.address}
      and vs.id in ${systems.map((s) => s.id)}`);
  await tx
    .update(videoSystems)
    .set({ twinnedAccountId: null })
    .where(
      and(
        eq(videoSystems.companyId, companyId),
        inArray(
          videoSystems.id,
          systems.map((s) => s.id),
        ),
      ),
    );
  return systems;
}

/**
 * Keeps a twinned system that shares its member's address on that address when the member's
 * address changes (call in the member update's transaction; the registry row is the member's).
 */
export async function followMemberAddress(
  tx: Db,
  companyId: string,
  memberId: string,
  from: string,
  to: string,
): Promise<void> {
  await tx
    .update(videoSystems)
    .set({ address: to })
    .where(
      and(
        eq(videoSystems.companyId, companyId),
        eq(videoSystems.twinnedAccountId, memberId),
        eq(videoSystems.address, from),
      ),
    );
}
