import type { Db } from "../../db/client.js";
import { NotFoundError } from "../../errors.js";
import { recordAudit } from "../audit/audit.js";
import type { AccountActor } from "../auth/actor.js";
import { toOwnTeamRoom } from "./team-room-dto.js";
import { planRoomUpdate } from "./team-room-settings.js";
import { controlsRoom } from "./team-rooms.policy.js";
import { isChosenOwner, listRoomsOwnedBy, lockTeamRoom, updateTeamRoom } from "./team-rooms.repository.js";
import type { TeamRoomListInput, UpdateOwnTeamRoomInput } from "./team-rooms.schemas.js";

export const NOT_YOUR_ROOM = "This team room does not exist, or you do not control it.";

/**
 * "My rooms": the team rooms a signed-in member controls (team-rooms.policy.ts) and the changes
 * an owner may make — name and PINs only. A room they do not control is a 404, as if it did not
 * exist; partner admins and operators own none.
 */
export class OwnTeamRoomsService {
  constructor(private readonly deps: { db: Db }) {}

  async list(actor: AccountActor, query: TeamRoomListInput) {
    const companyId = actor.kind === "member" ? actor.companyId : null;
    if (!companyId) return { items: [], total: 0, page: query.page, pageSize: query.pageSize };
    const { items, total } = await listRoomsOwnedBy(
      this.deps.db,
      companyId,
      { accountId: actor.accountId, isAdmin: actor.role === "admin" },
      query,
    );
    return { items: items.map(toOwnTeamRoom), total, page: query.page, pageSize: query.pageSize };
  }

  async update(actor: AccountActor, roomId: string, input: UpdateOwnTeamRoomInput) {
    const companyId = actor.kind === "member" ? actor.companyId : null;
    if (!companyId) throw new NotFoundError(NOT_YOUR_ROOM);
    return this.deps.db.transaction(async (tx) => {
      const room = await lockTeamRoom(tx, companyId, roomId);
      const chosen = room ? await isChosenOwner(tx, companyId, room.id, actor.accountId) : false;
      if (!room || !controlsRoom(actor, room, chosen)) throw new NotFoundError(NOT_YOUR_ROOM);
      // No domains: an owner's body has no address, and the plan changes none without them.
      const plan = planRoomUpdate(room, input, null);
      const saved = await updateTeamRoom(tx, companyId, room.id, plan.changes);
      if (Object.keys(plan.after).length > 0) {
        await recordAudit(tx, actor, {
          action: "team_room.updated",
          target: { type: "team_room", id: room.id },
          companyId,
          // The name on both sides (unless it changed) names the room without reading as a change.
          before: { name: room.name, ...plan.before },
          after: { name: room.name, ...plan.after },
        });
      }
      return { room: toOwnTeamRoom(saved), warnings: plan.warnings };
    });
  }
}
