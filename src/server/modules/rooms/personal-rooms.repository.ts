import type { Db } from "../../db/client.js";
import { personalRooms } from "../../db/schema.js";

export type PersonalRoomRow = typeof personalRooms.$inferSelect;

export async function insertPersonalRoom(
  tx: Db,
  room: { id: string; companyId: string; accountId: string; name: string; address: string },
): Promise<PersonalRoomRow> {
  const [row] = await tx.insert(personalRooms).values(room).returning();
  if (!row) throw new Error("insert into personal_rooms returned no row");
  return row;
}

/** "Alice Andersen" → "Alice Andersen's room". */
export function personalRoomName(fullName: string): string {
  return `${fullName}'s room`;
}
