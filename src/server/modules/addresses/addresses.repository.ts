import { and, eq } from "drizzle-orm";
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
