import { and, desc, eq, gt, isNull } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { endpointActivationCodes, service, videoSystems } from "../../db/schema.js";

export type VideoSystemRow = typeof videoSystems.$inferSelect;
export type ActivationCodeRow = typeof endpointActivationCodes.$inferSelect;

export async function findVideoSystem(
  db: Db,
  companyId: string,
  id: string,
): Promise<VideoSystemRow | undefined> {
  const [row] = await db
    .select()
    .from(videoSystems)
    .where(and(eq(videoSystems.companyId, companyId), eq(videoSystems.id, id)))
    .limit(1);
  return row;
}

/** The system locked until the transaction ends: codes and credentials change one at a time. */
export async function lockVideoSystem(
  tx: Db,
  companyId: string,
  id: string,
): Promise<VideoSystemRow | undefined> {
  const [row] = await tx
    .select()
    .from(videoSystems)
    .where(and(eq(videoSystems.companyId, companyId), eq(videoSystems.id, id)))
    .for("update");
  return row;
}

/** The newest code of the system that still works, if any. */
export async function findOpenActivationCode(
  db: Db,
  companyId: string,
  videoSystemId: string,
  now: Date,
): Promise<ActivationCodeRow | undefined> {
  const [row] = await db
    .select()
    .from(endpointActivationCodes)
    .where(
      and(
        eq(endpointActivationCodes.companyId, companyId),
        eq(endpointActivationCodes.videoSystemId, videoSystemId),
        isNull(endpointActivationCodes.usedAt),
        gt(endpointActivationCodes.expiresAt, now),
      ),
    )
    .orderBy(desc(endpointActivationCodes.createdAt))
    .limit(1);
  return row;
}

/** Ends every code of the system that still works (a newer one replaces them). */
export async function retireActivationCodes(
  tx: Db,
  companyId: string,
  videoSystemId: string,
  now: Date,
): Promise<void> {
  await tx
    .update(endpointActivationCodes)
    .set({ expiresAt: now })
    .where(
      and(
        eq(endpointActivationCodes.companyId, companyId),
        eq(endpointActivationCodes.videoSystemId, videoSystemId),
        isNull(endpointActivationCodes.usedAt),
        gt(endpointActivationCodes.expiresAt, now),
      ),
    );
}

export async function insertActivationCode(
  tx: Db,
  row: typeof endpointActivationCodes.$inferInsert,
): Promise<void> {
  await tx.insert(endpointActivationCodes).values(row);
}

/** A code by its hash, unlocked: to learn which system to lock first. */
export async function findActivationCode(db: Db, codeHash: string): Promise<ActivationCodeRow | undefined> {
  const [row] = await db
    .select()
    .from(endpointActivationCodes)
    .where(eq(endpointActivationCodes.codeHash, codeHash))
    .limit(1);
  return row;
}

/**
 * A code by its hash, locked, so two redemptions of one code at the same moment take turns
 * and the second sees it used. Looked up without a company: the code is all the caller has.
 */
export async function lockActivationCode(tx: Db, codeHash: string): Promise<ActivationCodeRow | undefined> {
  const [row] = await tx
    .select()
    .from(endpointActivationCodes)
    .where(eq(endpointActivationCodes.codeHash, codeHash))
    .for("update");
  return row;
}

export async function markActivationCodeUsed(tx: Db, row: ActivationCodeRow, now: Date): Promise<void> {
  await tx
    .update(endpointActivationCodes)
    .set({ usedAt: now })
    .where(
      and(
        eq(endpointActivationCodes.companyId, row.companyId),
        eq(endpointActivationCodes.codeHash, row.codeHash),
      ),
    );
}

/** New SIP credentials: the system is Activated, and not Registered until it uses them. */
export async function storeSipCredentials(
  tx: Db,
  system: VideoSystemRow,
  sipPasswordEncrypted: string,
  now: Date,
): Promise<void> {
  await tx
    .update(videoSystems)
    .set({ sipPasswordEncrypted, activatedAt: now, registeredAt: null })
    .where(and(eq(videoSystems.companyId, system.companyId), eq(videoSystems.id, system.id)));
}

/** The service's primary domain: the default SIP registrar. */
export async function primaryServiceDomain(db: Db): Promise<string | null> {
  const [row] = await db.select({ domains: service.domains }).from(service).limit(1);
  return row?.domains[0] ?? null;
}
