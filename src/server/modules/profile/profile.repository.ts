import { and, eq } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { accounts, companies, personalRooms } from "../../db/schema.js";
import type { AccountRow } from "../auth/accounts.repository.js";
import type { PersonalRoomRow } from "../rooms/personal-rooms.repository.js";

export interface ProfileRow {
  account: AccountRow;
  company: { id: string; name: string } | null;
  room: PersonalRoomRow | null;
}

/** The account with its company and its own personal VMR (members only have one). */
export async function findProfile(db: Db, accountId: string): Promise<ProfileRow | undefined> {
  const [row] = await db
    .select({
      account: accounts,
      company: { id: companies.id, name: companies.name },
      room: personalRooms,
    })
    .from(accounts)
    .leftJoin(companies, eq(companies.id, accounts.companyId))
    .leftJoin(
      personalRooms,
      and(eq(personalRooms.companyId, accounts.companyId), eq(personalRooms.accountId, accounts.id)),
    )
    .where(eq(accounts.id, accountId))
    .limit(1);
  return row;
}

/** The account's name, locked until the transaction ends (the audit's "before" stays true). */
export async function lockAccountName(tx: Db, accountId: string): Promise<string | undefined> {
  const [row] = await tx
    .select({ fullName: accounts.fullName })
    .from(accounts)
    .where(eq(accounts.id, accountId))
    .for("update");
  return row?.fullName;
}

export async function setAccountFullName(tx: Db, accountId: string, fullName: string): Promise<void> {
  await tx.update(accounts).set({ fullName }).where(eq(accounts.id, accountId));
}

/** The member's own personal VMR in their company, locked until the transaction ends. */
export async function lockOwnPersonalRoom(
  tx: Db,
  companyId: string,
  accountId: string,
): Promise<PersonalRoomRow | undefined> {
  const [row] = await tx
    .select()
    .from(personalRooms)
    .where(and(eq(personalRooms.companyId, companyId), eq(personalRooms.accountId, accountId)))
    .for("update");
  return row;
}

export async function updateOwnPersonalRoom(
  tx: Db,
  companyId: string,
  roomId: string,
  changes: Partial<Pick<PersonalRoomRow, "name" | "hostPin" | "guestPin">>,
): Promise<PersonalRoomRow> {
  const [row] = await tx
    .update(personalRooms)
    .set(changes)
    .where(and(eq(personalRooms.companyId, companyId), eq(personalRooms.id, roomId)))
    .returning();
  if (!row) throw new Error("update of personal_rooms returned no row");
  return row;
}
