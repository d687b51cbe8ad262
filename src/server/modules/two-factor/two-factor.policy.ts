import { ConflictError, ForbiddenError } from "../../errors.js";
import type { AccountActor } from "../auth/actor.js";

/**
 * Pure rules of two-factor sign-in.
 *
 * - Only a person signed in with a session changes their own second factor: an API token
 *   (`actor.via.type === "api_token"`) is refused, or a leaked token could switch it off.
 * - With the service setting `requireTwoFactorForStaff`, operators and partner admins must have
 *   it: they enrol before their first session, and cannot turn it off.
 */
export function assertSessionActor(actor: AccountActor): void {
  const via = (actor as { via?: { type?: string } }).via;
  if (via?.type === "api_token") {
    throw new ForbiddenError("Two-factor sign-in can only be changed when signed in, not with an API token.");
  }
}

export function isStaff(kind: AccountActor["kind"]): boolean {
  return kind === "operator" || kind === "partner_admin";
}

export function staffMustUseTwoFactor(kind: AccountActor["kind"], requireForStaff: boolean): boolean {
  return requireForStaff && isStaff(kind);
}

export function assertMayTurnOff(kind: AccountActor["kind"], requireForStaff: boolean): void {
  if (staffMustUseTwoFactor(kind, requireForStaff)) {
    throw new ConflictError(
      "This service requires two-factor sign-in for operators and partner admins, so it cannot be turned off.",
    );
  }
}
