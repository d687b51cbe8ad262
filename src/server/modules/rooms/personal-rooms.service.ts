import { randomHostPin } from "../../../domain/pin.js";
import type { Db } from "../../db/client.js";
import { recordAudit } from "../audit/audit.js";
import type { AccountActor } from "../auth/actor.js";
import { companyForAdmin } from "../companies/company-access.policy.js";
import { lockRoomsWithoutHostPin, setRoomHostPin } from "./personal-rooms.repository.js";

/** The company-wide actions on personal VMRs. */
export class PersonalRoomsService {
  constructor(private readonly deps: { db: Db }) {}

  /** Gives every personal VMR of the company without a host PIN a random 4-digit one. */
  async setMissingHostPins(actor: AccountActor, companyId: string) {
    const company = await companyForAdmin(this.deps.db, actor, companyId);
    const set = await this.deps.db.transaction(async (tx) => {
      const rooms = await lockRoomsWithoutHostPin(tx, company.id);
      for (const room of rooms) await setRoomHostPin(tx, company.id, room.id, randomHostPin());
      await recordAudit(tx, actor, {
        action: "personal_rooms.host_pins_set",
        target: { type: "company", id: company.id },
        companyId: company.id,
        after: { rooms: rooms.length },
      });
      return rooms.length;
    });
    return { set };
  }
}
