import { and, eq, isNull } from "drizzle-orm";
import { insertRows } from "../../db/batches.js";
import type { Db } from "../../db/client.js";
import { personalRooms } from "../../db/schema.js";

export type PersonalRoomRow = typeof personalRooms.$inferSelect;
export interface NewPersonalRoom {
  id: string;
  companyId: string;
  accountId: string;
  name: string;
  address: string;
  hostPin?: string | null;
}

export async function insertPersonalRoom(tx: Db, room: NewPersonalRoom): Promise<PersonalRoomRow> {
  const [row] = await tx.insert(personalRooms).values(room).returning();
  if (!row) throw new Error("insert into personal_rooms returned no row");
  return row;
}

/** "Alice Andersen" → "Alice Andersen's room". */
export function personalRoomName(fullName: string): string {
  return `${fullName}'s room`;
}

/** The company's personal VMRs without a host PIN, locked until the transaction ends. */
export async function lockRoomsWithoutHostPin(tx: Db, companyId: string): Promise<{ id: string }[]> {
  return tx
    .select({ id: personalRooms.id })
    .from(personalRooms)
    .where(and(eq(personalRooms.companyId, companyId), isNull(personalRooms.hostPin)))
    .for("update");
}

export async function setRoomHostPin(tx: Db, companyId: string, roomId: string, hostPin: string) {
  await tx
    .update(personalRooms)
    .set({ hostPin })
    .where(
      and(
        eq(personalRooms.companyId, companyId),
        eq(personalRooms.id, roomId),
        isNull(personalRooms.hostPin),
      ),
    );
}

/** Many personal VMRs in multi-row inserts (a bulk invite). */
export async function insertPersonalRooms(tx: Db, rooms: readonly NewPersonalRoom[]): Promise<void> {
  await insertRows(tx, personalRooms, rooms);
}
