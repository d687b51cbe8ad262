import type { Db } from "../../db/client.js";
import { hashToken, newToken } from "../../lib/tokens.js";
import { findService } from "../setup/service.repository.js";
import { staffMustUseTwoFactor } from "./two-factor.policy.js";
import { deleteExpiredChallenges, findTotp, insertChallenge } from "./two-factor.repository.js";

/**
 * The first step of a two-factor sign-in. When the password is right and the account has a
 * confirmed authenticator — or is staff on a service that requires one — no session starts:
 * the browser gets a challenge (256-bit token, stored hashed, valid 5 minutes, 5 wrong answers)
 * and answers it at POST /auth/login/two-factor, or enrols at /auth/login/two-factor/enrolment.
 * Which of the two it is follows from the account's authenticator, not from the challenge row.
 */
export const CHALLENGE_VALID_MS = 5 * 60 * 1000;
export const CHALLENGE_MAX_FAILURES = 5;

export type SecondFactorStatus = "two_factor_required" | "two_factor_enrolment_required";

export interface SecondFactorChallenge {
  status: SecondFactorStatus;
  challenge: string;
  expiresAt: string;
}

export async function secondFactorStatus(
  db: Db,
  account: { id: string; kind: "operator" | "partner_admin" | "member" },
): Promise<SecondFactorStatus | null> {
  const totp = await findTotp(db, account.id);
  if (totp?.confirmedAt) return "two_factor_required";
  const service = await findService(db);
  if (staffMustUseTwoFactor(account.kind, service?.requireTwoFactorForStaff ?? false))
    return "two_factor_enrolment_required";
  return null;
}

/** Null when the password alone signs this account in. */
export async function beginSecondFactor(
  db: Db,
  sessionSecret: string,
  account: { id: string; kind: "operator" | "partner_admin" | "member" },
): Promise<SecondFactorChallenge | null> {
  const status = await secondFactorStatus(db, account);
  if (!status) return null;
  const now = new Date();
  const challenge = newToken();
  const expiresAt = new Date(now.getTime() + CHALLENGE_VALID_MS);
  await deleteExpiredChallenges(db, account.id, now);
  await insertChallenge(db, {
    tokenHash: hashToken(sessionSecret, challenge),
    accountId: account.id,
    expiresAt,
  });
  return { status, challenge, expiresAt: expiresAt.toISOString() };
}
