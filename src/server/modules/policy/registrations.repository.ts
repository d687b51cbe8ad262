import { and, eq, like } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { videoSystems } from "../../db/schema.js";

export type RegisteringSystem = Pick<
  typeof videoSystems.$inferSelect,
  "id" | "companyId" | "address" | "activatedAt" | "sipPasswordEncrypted"
>;

const columns = {
  id: videoSystems.id,
  companyId: videoSystems.companyId,
  address: videoSystems.address,
  activatedAt: videoSystems.activatedAt,
  sipPasswordEncrypted: videoSystems.sipPasswordEncrypted,
};

/**
 * The video system registering as `address`. Infinity does not know companies: the address,
 * unique in the whole service, is the only key (the unique index answers it).
 */
export async function findSystemByAddress(db: Db, address: string): Promise<RegisteringSystem | undefined> {
  const [row] = await db.select(columns).from(videoSystems).where(eq(videoSystems.address, address)).limit(1);
  return row;
}

/**
 * Systems whose address starts with `local@` (a client that sent no domain); at most two, as
 * the caller only uses an unambiguous match. Rare, so a scan here is acceptable.
 */
export async function findSystemsByLocalPart(db: Db, localPart: string): Promise<RegisteringSystem[]> {
  return db
    .select(columns)
    .from(videoSystems)
    .where(like(videoSystems.address, `${localPart.replace(/[\\%_]/g, (c) => `\\${c}`)}@%`))
    .limit(2);
}

export async function markRegistered(db: Db, system: RegisteringSystem, now: Date): Promise<void> {
  await db
    .update(videoSystems)
    .set({ registeredAt: now })
    .where(and(eq(videoSystems.companyId, system.companyId), eq(videoSystems.id, system.id)));
}
