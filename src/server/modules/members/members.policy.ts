import type { AccountActor } from "../auth/actor.js";

/**
 * Rules about removing or demoting members, as pure functions over what the caller has read
 * (under the company's row lock): an admin cannot remove themself, and a company always keeps
 * at least one admin.
 */
export const CANNOT_DELETE_YOURSELF = "You cannot delete yourself.";
export const LAST_ADMIN =
  "A company always keeps at least one administrator. Make someone else an administrator first.";

/** True when the actor is one of the members about to be removed. */
export function includesYourself(actor: AccountActor, memberIds: readonly string[]): boolean {
  return memberIds.includes(actor.accountId);
}

/**
 * Whether removing (or demoting) `leaving` would leave the company without an admin, given the
 * ids of its current admins. A company that has no admin now is not made worse by the change.
 */
export function leavesNoAdmin(adminIds: readonly string[], leaving: readonly string[]): boolean {
  if (adminIds.length === 0) return false;
  const gone = new Set(leaving);
  return adminIds.every((id) => gone.has(id));
}
