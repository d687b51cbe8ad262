import { ForbiddenError } from "../../errors.js";
import type { AccountActor } from "../auth/actor.js";
import { assertPartnerReachable } from "../partners/partners.policy.js";

export { USAGE_RETENTION_MONTHS } from "../../../domain/usage-period.js";

/**
 * Company usage (pexip-infinity.md §3) — read-only figures from `usage_daily`, which the event
 * sink maintains (src/server/modules/events); these pages never read the raw call legs.
 *
 * - **Calls in period**: calls that connected in the period — each device's leg into a VMR, each
 *   point-to-point (gateway) call once. **Call duration**: their minutes. **Room duration**:
 *   minutes the company's VMRs were in use (the union of the time each room had a conference
 *   running, however many people or nodes). A call counts on the day it connected.
 * - Days are the company's own calendar days (its time zone); a period is two days, both
 *   included, at most USAGE_RETENTION_MONTHS long (src/domain/usage-period.ts).
 * - A company's usage: its admins, its partner's admins and operators (`companyForAdmin`:
 *   members 403, anyone else 404). A partner's usage per customer: that partner's admins and
 *   operators. Every company's usage: operators.
 */

/** The partner's usage per customer company: its own admins and operators; another partner is 404. */
export function assertSeesPartnerUsage(actor: AccountActor, partnerId: string): void {
  assertPartnerReachable(actor, partnerId);
}

/** The usage of every company of the service: operators only. */
export function assertSeesServiceUsage(actor: AccountActor): void {
  if (actor.kind !== "operator")
    throw new ForbiddenError("Only service operators can see every company's usage.");
}
