import { and, eq } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { companies, videoSystems } from "../../db/schema.js";

export interface RegisteringSystem {
  id: string;
  companyId: string;
  companyStatus: "trial" | "paid" | "suspended";
  address: string;
  activatedAt: Date | null;
  sipPasswordEncrypted: string | null;
}

/**
 * The video system registering as `address` (also one twinned under its member's address).
 * Infinity does not know companies: the address, unique in the whole service, is the only key
 * (the unique index answers it). Read fresh, not cached: the credentials must be current.
 */
export async function findSystemByAddress(db: Db, address: string): Promise<RegisteringSystem | undefined> {
  const [row] = await db
    .select({
      id: videoSystems.id,
      companyId: videoSystems.companyId,
      companyStatus: companies.status,
      address: videoSystems.address,
      activatedAt: videoSystems.activatedAt,
      sipPasswordEncrypted: videoSystems.sipPasswordEncrypted,
    })
    .from(videoSystems)
    .innerJoin(companies, eq(companies.id, videoSystems.companyId))
    .where(eq(videoSystems.address, address))
    .limit(1);
  return row;
}

export async function markRegistered(db: Db, system: RegisteringSystem, now: Date): Promise<void> {
  await db
    .update(videoSystems)
    .set({ registeredAt: now })
    .where(and(eq(videoSystems.companyId, system.companyId), eq(videoSystems.id, system.id)));
}
