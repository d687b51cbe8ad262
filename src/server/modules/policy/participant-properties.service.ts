import { resolveInfinityAlias } from "../../../domain/infinity-alias.js";
import { fallBack, type PolicyAnswer, success } from "./policy-answers.js";
import type { PolicyCache } from "./policy-cache.js";
import type { PolicySettingsSource } from "./policy-settings.js";
import type { AddressTarget, TargetPerson } from "./policy-targets.repository.js";

export interface ParticipantPropertiesQuery {
  local_alias?: string | undefined;
  remote_alias?: string | undefined;
  service_name?: string | undefined;
  registered?: string | undefined;
}

type Room = Extract<AddressTarget, { type: "personal_room" | "team_room" }>;

/**
 * Infinity's participant-properties request: a caller who owns the room joins as its chair
 * without the PIN prompt (`preauthenticated_role: "chair"`); everyone else is left to the PIN
 * rules (`continue`, empty result).
 *
 * The owner of a personal VMR is its member; the owners of a team VMR follow its owner mode
 * (the company's admins, all its members, or the chosen members). A caller is recognised by
 * their own video address or by a video system twinned to them — but only when Infinity says the
 * call comes from a device registered to it (`registered=True`): registering needs the
 * credentials Confero issued, while anyone can put any address in an unregistered call's From.
 */
export class ParticipantPropertiesPolicy {
  constructor(private readonly deps: { cache: PolicyCache; settings: PolicySettingsSource }) {}

  async answer(query: ParticipantPropertiesQuery): Promise<PolicyAnswer> {
    const settings = await this.deps.settings.current();
    const resolve = (raw: string | undefined) => resolveInfinityAlias(raw ?? "", settings.defaultDomain);
    // Infinity echoes our service `name` (the room's address) as service_name once it has one.
    const roomAddress = resolve(query.service_name) ?? resolve(query.local_alias);
    const room = roomAddress ? await this.deps.cache.target(roomAddress) : null;
    if (room?.type !== "personal_room" && room?.type !== "team_room") return fallBack("not a Confero room");
    if (query.registered?.trim().toLowerCase() !== "true")
      return fallBack("the caller is not registered, so their alias proves nothing");
    const callerAddress = resolve(query.remote_alias);
    const caller = callerAddress ? await this.deps.cache.target(callerAddress) : null;
    const person = caller?.type === "member" || caller?.type === "video_system" ? caller.person : null;
    if (!person || caller?.companyId !== room.companyId || person.status === "suspended")
      return fallBack("the caller is not one of the room's owners");
    if (!owns(person, room)) return fallBack("the caller is not one of the room's owners");
    return success({ preauthenticated_role: "chair" });
  }
}

function owns(person: TargetPerson, room: Room): boolean {
  if (room.type === "personal_room") return room.person.accountId === person.accountId;
  switch (room.ownerMode) {
    case "admins":
      return person.role === "admin";
    case "all_members":
      return true;
    case "chosen":
      return room.chosenOwnerIds.includes(person.accountId);
  }
}
