import { ForbiddenError, NotFoundError } from "../../errors.js";
import type { AccountActor } from "../auth/actor.js";

export const PARTNER_NOT_FOUND = "This partner does not exist.";

/**
 * Operators reach every partner; a partner admin reaches their own partner only (another
 * partner is 404, as if it did not exist); company accounts never work at partner level (403).
 */
export function assertPartnerReachable(actor: AccountActor, partnerId: string): void {
  if (actor.kind === "operator") return;
  if (actor.kind === "partner_admin") {
    if (actor.partnerId === partnerId) return;
    throw new NotFoundError(PARTNER_NOT_FOUND);
  }
  throw new ForbiddenError("Only service operators and partner administrators can do that.");
}

/** Renaming a partner (and creating or listing partners) is for operators only. */
export function assertPartnerEditable(actor: AccountActor, partnerId: string): void {
  assertPartnerReachable(actor, partnerId);
  if (actor.kind !== "operator") throw new ForbiddenError("Only service operators can change a partner.");
}
