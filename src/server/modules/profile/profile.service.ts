import type { Db } from "../../db/client.js";
import { NotFoundError, UnauthenticatedError, ValidationError } from "../../errors.js";
import { recordAudit } from "../audit/audit.js";
import type { AccountActor } from "../auth/actor.js";
import { planRoomSettings } from "../members/member-update.js";
import type { PersonalRoomRow } from "../rooms/personal-rooms.repository.js";
import {
  findProfile,
  lockAccountName,
  lockOwnPersonalRoom,
  setAccountFullName,
  updateOwnPersonalRoom,
} from "./profile.repository.js";
import type { UpdatePersonalRoomInput, UpdateProfileInput } from "./profile.schemas.js";

export const NO_PERSONAL_ROOM = "You have no personal meeting room.";

const toRoom = (room: PersonalRoomRow) => ({
  name: room.name,
  address: room.address,
  hostPin: room.hostPin,
  guestPin: room.guestPin,
});

/**
 * The audit trail names the fields as the admins' member changes do (`personalRoom.hostPin`),
 * so the audit log labels them alike. A PIN replaced by another reads "changed" ("set" → "set"
 * would look like nothing happened); the digits themselves are never recorded.
 */
function auditedRoomChange(before: Record<string, unknown>, after: Record<string, unknown>) {
  const prefixed = (values: Record<string, unknown>) =>
    Object.fromEntries(Object.entries(values).map(([key, value]) => [`personalRoom.${key}`, value]));
  const changed = { ...after };
  for (const key of ["hostPin", "guestPin"]) {
    if (before[key] === "set" && after[key] === "set") changed[key] = "changed";
  }
  return { before: prefixed(before), after: prefixed(changed) };
}

/**
 * Self-service: every signed-in account reads its profile and changes its display name; a
 * member changes their own personal VMR's name and PINs (not its address — that, like the
 * video address, stays with the company's admins). The owner may see their own PINs.
 */
export class ProfileService {
  constructor(private readonly deps: { db: Db }) {}

  async get(actor: AccountActor) {
    const found = await findProfile(this.deps.db, actor.accountId);
    if (!found) throw new UnauthenticatedError();
    const { account, company, room } = found;
    return {
      fullName: account.fullName,
      email: account.email,
      videoAddress: account.videoAddress,
      company: company?.id ? { id: company.id, name: company.name } : null,
      personalRoom: account.kind === "member" && room ? toRoom(room) : null,
    };
  }

  async updateProfile(actor: AccountActor, input: UpdateProfileInput) {
    await this.deps.db.transaction(async (tx) => {
      const current = await lockAccountName(tx, actor.accountId);
      if (current === undefined) throw new UnauthenticatedError();
      if (current === input.fullName) return;
      await setAccountFullName(tx, actor.accountId, input.fullName);
      await recordAudit(tx, actor, {
        action: "account.profile_updated",
        target: { type: "account", id: actor.accountId },
        companyId: actor.companyId,
        before: { fullName: current },
        after: { fullName: input.fullName },
      });
    });
    return this.get(actor);
  }

  /**
   * Changes the member's own personal VMR in one transaction, under the same PIN rules as the
   * admins' Members page; answers the room and the warnings (easy-to-guess PINs) to show.
   */
  async updatePersonalRoom(actor: AccountActor, input: UpdatePersonalRoomInput) {
    const companyId = actor.kind === "member" ? actor.companyId : null;
    if (!companyId) throw new NotFoundError(NO_PERSONAL_ROOM);
    return this.deps.db.transaction(async (tx) => {
      const room = await lockOwnPersonalRoom(tx, companyId, actor.accountId);
      if (!room) throw new NotFoundError(NO_PERSONAL_ROOM);
      const plan = planRoomSettings(room, input, "");
      if (Object.keys(plan.fields).length > 0) throw new ValidationError(plan.fields);
      if (Object.keys(plan.changes).length === 0)
        return { personalRoom: toRoom(room), warnings: plan.warnings };
      const saved = await updateOwnPersonalRoom(tx, companyId, room.id, plan.changes);
      await recordAudit(tx, actor, {
        action: "personal_room.updated",
        target: { type: "personal_room", id: room.id },
        companyId,
        ...auditedRoomChange(plan.before, plan.after),
      });
      return { personalRoom: toRoom(saved), warnings: plan.warnings };
    });
  }
}
