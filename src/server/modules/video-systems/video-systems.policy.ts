import { ForbiddenError } from "../../errors.js";
import type { AccountActor } from "../auth/actor.js";

/**
 * Video systems (endpoint subscriptions) — the rules others build on:
 *
 * - A video system belongs to one company and uses ONE of its endpoint subscriptions (not a
 *   licence), counted by `companyUsage` (companies.repository.ts). Creating locks the company
 *   row (`lockCompany`) before counting, so two partners adding at once cannot pass the total.
 * - Only the company's partner (its partner admins, or operators) adds and removes them; the
 *   company's admins edit the name and the address name part ("contact your partner").
 * - Its address is in the one registry (`video_addresses`, owner_type "video_system"), unique
 *   across the service, on one of the company's video domains; the domain never changes. The
 *   exception: a system twinned to a member may share the member's own address — then it has no
 *   registry row of its own, its address cannot be changed here, and when the member is deleted
 *   or their invitation revoked the system takes the member's registry row over and becomes
 *   shared (`shareSystemsOfMembers`, called before `deleteMembers`).
 * - A serial number (optional) is unique across the service: one subscription per device.
 */

/** Whether the actor is on the partner side (the company's partner admins, or an operator). */
export function managesSubscriptions(actor: AccountActor): boolean {
  return actor.kind === "partner_admin" || actor.kind === "operator";
}

/** 403 for the company's own admins, naming the partner they should ask. */
export function assertManagesSubscriptions(
  actor: AccountActor,
  partnerName: string,
  what: "add" | "remove",
): void {
  if (!managesSubscriptions(actor)) {
    throw new ForbiddenError(`Contact your partner (${partnerName}) to ${what} video systems.`);
  }
}
