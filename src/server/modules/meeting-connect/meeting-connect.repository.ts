import { and, asc, eq, sql } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { companies, personalRooms, teamRoomOwners, teamRooms, videoSystems } from "../../db/schema.js";

/** The video system a printed QR code's token names, with its company's name. */
export async function findSystemByConnectToken(db: Db, token: string) {
  const [row] = await db
    .select({
      id: videoSystems.id,
      companyId: videoSystems.companyId,
      name: videoSystems.name,
      address: videoSystems.address,
      companyName: companies.name,
    })
    .from(videoSystems)
    .innerJoin(companies, eq(companies.id, videoSystems.companyId))
    .where(eq(videoSystems.connectToken, token))
    .limit(1);
  return row;
}

export async function setConnectToken(
  tx: Db,
  companyId: string,
  videoSystemId: string,
  connectToken: string,
): Promise<void> {
  await tx
    .update(videoSystems)
    .set({ connectToken })
    .where(and(eq(videoSystems.companyId, companyId), eq(videoSystems.id, videoSystemId)));
}

export async function findPersonalRoom(db: Db, companyId: string, accountId: string) {
  const [row] = await db
    .select({ name: personalRooms.name, address: personalRooms.address })
    .from(personalRooms)
    .where(and(eq(personalRooms.companyId, companyId), eq(personalRooms.accountId, accountId)))
    .limit(1);
  return row;
}

/** Enough team rooms for a picker; a company with more types the address instead. */
export const TEAM_ROOMS_IN_PICKER = 200;

/** The company's team rooms by name, each with whether `accountId` is one of its chosen owners. */
export async function listTeamRoomsFor(db: Db, companyId: string, accountId: string) {
  return db
    .select({
      id: teamRooms.id,
      companyId: teamRooms.companyId,
      name: teamRooms.name,
      address: teamRooms.address,
      ownerMode: teamRooms.ownerMode,
      chosen: sql<boolean>`exists (select 1 from ${teamRoomOwners} where ${teamRoomOwners.companyId} = ${companyId} and ${teamRoomOwners.roomId} = ${teamRooms.id} and ${teamRoomOwners.accountId} = ${accountId})`,
    })
    .from(teamRooms)
    .where(eq(teamRooms.companyId, companyId))
    .orderBy(asc(sql`lower(${teamRooms.name})`), asc(teamRooms.id))
    .limit(TEAM_ROOMS_IN_PICKER);
}

/** The company's team room with this address, with whether `accountId` is a chosen owner. */
export async function findTeamRoomByAddress(db: Db, companyId: string, address: string, accountId: string) {
  const [row] = await db
    .select({
      id: teamRooms.id,
      companyId: teamRooms.companyId,
      ownerMode: teamRooms.ownerMode,
      chosen: sql<boolean>`exists (select 1 from ${teamRoomOwners} where ${teamRoomOwners.companyId} = ${companyId} and ${teamRoomOwners.roomId} = ${teamRooms.id} and ${teamRoomOwners.accountId} = ${accountId})`,
    })
    .from(teamRooms)
    .where(and(eq(teamRooms.companyId, companyId), eq(teamRooms.address, address)))
    .limit(1);
  return row;
}
