import { domainOf, resolveInfinityAlias } from "../../../domain/infinity-alias.js";
import { formatServiceTag } from "../../../domain/service-tag.js";
import { clip, notFound, type PolicyAnswer, reject, success } from "./policy-answers.js";
import type { PolicyCache } from "./policy-cache.js";
import type { PolicySettingsSource } from "./policy-settings.js";
import type { AddressTarget } from "./policy-targets.repository.js";

/** The service-configuration parameters Confero reads; Infinity sends many more (ignored). */
export interface ServiceConfigurationQuery {
  local_alias?: string | undefined;
  remote_alias?: string | undefined;
  call_direction?: string | undefined;
  service_name?: string | undefined;
}

type Room = Extract<AddressTarget, { type: "personal_room" | "team_room" }>;
type Device = Extract<AddressTarget, { type: "member" | "video_system" }>;

/**
 * Infinity's service-configuration request: which service does this dialled address reach?
 * - a personal or team VMR → a `conference` named by the room's address (unique and stable);
 * - a member's own address or a video system's → a `gateway` to the device registered as it;
 * - a suspended company's address, or a suspended member's → `reject` with the reason;
 * - an address nobody has → 404 (Infinity uses its own configuration), or `reject` when the
 *   operator has Confero own its domains and the domain is the service's or a company's.
 * A dial-out (Infinity calling out of a conference) names the conference in `service_name`,
 * which is our `name`: the same answer as the dial-in to that room.
 */
export class ServiceConfigurationPolicy {
  /**
   * A room's answer depends on the room alone (not on who calls), so it is built and serialised
   * once per cached target: the cache hands out the same target object until a change drops it.
   */
  private readonly roomAnswers = new WeakMap<Room, PolicyAnswer>();

  constructor(private readonly deps: { cache: PolicyCache; settings: PolicySettingsSource }) {}

  async answer(query: ServiceConfigurationQuery): Promise<PolicyAnswer> {
    const settings = await this.deps.settings.current();
    const resolve = (raw: string | undefined) => resolveInfinityAlias(raw ?? "", settings.defaultDomain);
    let address = resolve(query.local_alias);
    let target = address ? await this.deps.cache.target(address) : null;
    if (query.call_direction === "dial_out" && query.service_name) {
      const serviceAddress = resolve(query.service_name);
      const service = serviceAddress ? await this.deps.cache.target(serviceAddress) : null;
      if (service) [address, target] = [serviceAddress, service];
    }
    if (!address) return notFound("not a video address");
    if (!target) {
      const owned =
        settings.rejectUnknownInOurDomains && (await this.deps.cache.ownedDomains()).has(domainOf(address));
      return owned ? reject(`no one has the address ${address}`) : notFound("not a Confero address");
    }
    if (target.companyStatus === "suspended") return reject("the company's service is suspended");
    switch (target.type) {
      case "personal_room":
        if (target.person.status === "suspended") return reject("the room's owner is suspended");
        return this.roomAnswer(target, target.person.email);
      case "team_room":
        return this.roomAnswer(target, null);
      case "member":
        if (target.person.status === "suspended") return reject("the member is suspended");
        return success(gateway(target, query.remote_alias));
      case "video_system":
        return success(gateway(target, query.remote_alias));
    }
  }

  private roomAnswer(room: Room, ownerEmail: string | null): PolicyAnswer {
    let answer = this.roomAnswers.get(room);
    if (!answer) {
      const built = success(conference(room, ownerEmail));
      answer = { ...built, json: JSON.stringify(built.body) };
      this.roomAnswers.set(room, answer);
    }
    return answer;
  }
}

/**
 * A VMR. Infinity's PIN rules: without a host PIN everyone joins as a host, no PIN asked
 * (`allow_guests: false`); with one, callers who give it are hosts and the others guests —
 * with the guest PIN if the room has one, without a PIN if it does not.
 */
function conference(room: Room, ownerEmail: string | null) {
  const tag = formatServiceTag({ companyId: room.companyId, kind: room.type, id: room.roomId });
  return {
    service_type: "conference" as const,
    name: room.address,
    service_tag: tag,
    description: clip(room.name),
    ...(room.hostPin
      ? { pin: room.hostPin, allow_guests: true, guest_pin: room.guestPin ?? "" }
      : { allow_guests: false }),
    ...(ownerEmail ? { primary_owner_email_address: clip(ownerEmail) } : {}),
  };
}

/**
 * A call to a person or a video system: Infinity bridges it to the device registered as the
 * address (`called_device_type: "registration"`), over SIP, showing the caller's own alias.
 */
function gateway(device: Device, callerAlias: string | undefined) {
  const kind = device.type;
  const id = device.type === "member" ? device.person.accountId : device.systemId;
  return {
    service_type: "gateway" as const,
    name: device.address,
    service_tag: formatServiceTag({ companyId: device.companyId, kind, id }),
    description: clip(device.type === "member" ? device.person.fullName : device.name),
    local_alias: clip(callerAlias?.trim() || device.address),
    remote_alias: device.address,
    outgoing_protocol: "sip" as const,
    called_device_type: "registration" as const,
  };
}
