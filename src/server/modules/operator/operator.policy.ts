import { ForbiddenError } from "../../errors.js";
import type { AccountActor } from "../auth/actor.js";

export function assertOperator(actor: AccountActor): void {
  if (actor.kind !== "operator") throw new ForbiddenError("Only service operators can do that.");
}
