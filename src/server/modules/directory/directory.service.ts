/**
 * The company directory: who and what in a company can be called, for everyone in it.
 *
 * Rules (what a user of a company phone book expects, and no more):
 * - Readers: the company's active members (admins and members alike), and the operators and
 *   partner admins who administer it. Anyone else gets 404, as for any other tenant's object.
 * - Entries: active members only (invited people cannot be called yet, suspended ones no
 *   longer), each with their display name, video address and personal VMR address; and the
 *   company's team rooms as entries of type "room" (their name is their directory name). All
 *   sorted by name, case-insensitively.
 * - Emails are never shown, nor searched (a search match would reveal them): the directory is
 *   for calling people, and video addresses are how they are called. Admins see emails on
 *   the Members page. PINs are never part of it either.
 * - Search: case-insensitive substring of a name, a video address or a personal VMR address
 *   (for team rooms: their name or address).
 */
import type { Db } from "../../db/client.js";
import type { AccountActor } from "../auth/actor.js";
import { companyForMember } from "./directory.policy.js";
import { type DirectoryRow, listDirectory } from "./directory.repository.js";
import type { DirectoryQueryInput } from "./directory.schemas.js";

function toEntry(row: DirectoryRow) {
  return {
    type: row.type,
    id: row.id,
    name: row.name,
    address: row.address ?? "",
    personalRoom:
      row.roomName !== null && row.roomAddress !== null
        ? { name: row.roomName, address: row.roomAddress }
        : null,
  };
}

export class DirectoryService {
  constructor(private readonly deps: { db: Db }) {}

  async list(actor: AccountActor, companyId: string, query: DirectoryQueryInput) {
    const company = await companyForMember(this.deps.db, actor, companyId);
    const { items, total } = await listDirectory(this.deps.db, company.id, query);
    return { items: items.map(toEntry), total, page: query.page, pageSize: query.pageSize };
  }
}
