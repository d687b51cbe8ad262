import { and, eq, inArray } from "drizzle-orm";
import { chunked, insertRows, VALUES_PER_LOOKUP } from "../../db/batches.js";
import type { Db } from "../../db/client.js";
import { isUniqueViolation } from "../../db/errors.js";
import { videoAddresses } from "../../db/schema.js";
import { ConflictError } from "../../errors.js";

export type AddressOwnerType = (typeof videoAddresses.$inferInsert)["ownerType"];

export const ADDRESS_TAKEN = "This video address is already taken.";

/**
 * Reserves a (normalised) address for an object. Throws ConflictError naming `field` when any
 * object in the service already has it — decided by the primary key, so two requests racing
 * for one address cannot both win. Call inside the transaction that creates the object.
 */
export async function claimVideoAddress(
  tx: Db,
  claim: { address: string; companyId: string; ownerType: AddressOwnerType; ownerId: string },
  field: string,
): Promise<void> {
  try {
    // A savepoint, so a conflict leaves the caller's transaction usable on PostgreSQL.
    await tx.transaction(async (sp) => {
      await sp.insert(videoAddresses).values(claim);
    });
  } catch (error) {
    if (isUniqueViolation(error, "video_addresses_pkey"))
      throw new ConflictError(ADDRESS_TAKEN, { [field]: ADDRESS_TAKEN });
    throw error;
  }
}

/** Moves an object to a new address (the old one becomes free in the same transaction). */
export async function changeVideoAddress(
  tx: Db,
  owner: { companyId: string; ownerType: AddressOwnerType; ownerId: string },
  newAddress: string,
  field: string,
): Promise<void> {
  await releaseVideoAddress(tx, owner);
  await claimVideoAddress(tx, { ...owner, address: newAddress }, field);
}

export async function releaseVideoAddress(
  tx: Db,
  owner: { companyId: string; ownerType: AddressOwnerType; ownerId: string },
): Promise<void> {
  await tx
    .delete(videoAddresses)
    .where(
      and(
        eq(videoAddresses.companyId, owner.companyId),
        eq(videoAddresses.ownerType, owner.ownerType),
        eq(videoAddresses.ownerId, owner.ownerId),
      ),
    );
}

export async function isVideoAddressTaken(db: Db, address: string): Promise<boolean> {
  const [row] = await db
    .select({ address: videoAddresses.address })
    .from(videoAddresses)
    .where(eq(videoAddresses.address, address))
    .limit(1);
  return row !== undefined;
}

/**
 * Claims many addresses in multi-row inserts (a bulk invite). The caller has checked them
 * against the registry under the company lock; one still taken (claimed by another company a
 * moment ago) is a ConflictError and the caller's transaction rolls back as a whole.
 */
export async function claimVideoAddresses(
  tx: Db,
  claims: readonly { address: string; companyId: string; ownerType: AddressOwnerType; ownerId: string }[],
  conflictMessage: string,
): Promise<void> {
  try {
    await insertRows(tx, videoAddresses, claims);
  } catch (error) {
    if (isUniqueViolation(error, "video_addresses_pkey")) throw new ConflictError(conflictMessage);
    throw error;
  }
}

/** Which of these (normalised) addresses some object in the service already has. */
export async function findTakenVideoAddresses(db: Db, addresses: readonly string[]): Promise<Set<string>> {
  const taken = new Set<string>();
  for (const chunk of chunked([...new Set(addresses)], VALUES_PER_LOOKUP)) {
    const rows = await db
      .select({ address: videoAddresses.address })
      .from(videoAddresses)
      .where(inArray(videoAddresses.address, chunk));
    for (const row of rows) taken.add(row.address);
  }
  return taken;
}
