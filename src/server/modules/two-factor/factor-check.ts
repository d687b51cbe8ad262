import type { Db } from "../../db/client.js";
import type { FieldProblems } from "../../errors.js";
import type { SecretBox } from "../../lib/secret-box.js";
import { hashToken } from "../../lib/tokens.js";
import { recordAudit } from "../audit/audit.js";
import type { AccountActor } from "../auth/actor.js";
import { matchingStep, normaliseRecoveryCode } from "./totp.js";
import { claimStep, consumeRecoveryCode, type TotpRow } from "./two-factor.repository.js";

/**
 * Checking the second factor, the same way wherever it is asked for (sign-in, enrolment,
 * turning it off, new recovery codes). A TOTP code is accepted once (its time step is claimed
 * in the caller's transaction); a recovery code is used up. Failures are audited as
 * `account.two_factor_failed` with the reason and where it happened — never the code itself.
 */
export type Factor = { code: string } | { recoveryCode: string };
export type FactorOutcome = "ok" | "wrong_code" | "replayed_code" | "wrong_recovery_code";
export interface FactorFailure {
  outcome: Exclude<FactorOutcome, "ok">;
  accountId: string;
}
export type FactorContext = "sign_in" | "enrolment" | "disable" | "recovery_codes";

export async function checkFactor(
  tx: Db,
  deps: { sessionSecret: string; secrets: SecretBox },
  totp: TotpRow,
  factor: Factor,
): Promise<FactorOutcome> {
  if ("recoveryCode" in factor) {
    const hash = hashToken(deps.sessionSecret, normaliseRecoveryCode(factor.recoveryCode));
    return (await consumeRecoveryCode(tx, totp.accountId, hash)) ? "ok" : "wrong_recovery_code";
  }
  const secret = deps.secrets.open(totp.secretSealed);
  if (!secret) throw new Error("a TOTP secret does not open with this server's key");
  const step = matchingStep(secret, factor.code);
  if (step === null) return "wrong_code";
  return (await claimStep(tx, totp.accountId, step)) ? "ok" : "replayed_code";
}

export function factorProblem(outcome: Exclude<FactorOutcome, "ok">, attemptsLeft?: number): FieldProblems {
  const left =
    attemptsLeft === undefined ? "" : ` ${attemptsLeft} attempt${attemptsLeft === 1 ? "" : "s"} left.`;
  if (outcome === "wrong_recovery_code")
    return { recoveryCode: `That recovery code is not valid or has already been used.${left}` };
  if (outcome === "replayed_code")
    return { code: `That code has already been used. Wait for the next code in your app.${left}` };
  return { code: `That code is not right. Check the code in your authenticator app.${left}` };
}

export async function auditFactorFailure(
  tx: Db,
  actor: AccountActor,
  failure: { outcome: Exclude<FactorOutcome, "ok">; during: FactorContext; attemptsLeft?: number },
): Promise<void> {
  await recordAudit(tx, actor, {
    action: "account.two_factor_failed",
    target: { type: "account", id: actor.accountId },
    companyId: actor.companyId,
    after: {
      reason: failure.outcome,
      during: failure.during,
      ...(failure.attemptsLeft === undefined ? {} : { attemptsLeft: failure.attemptsLeft }),
    },
  });
}
