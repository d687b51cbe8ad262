import type { Db } from "../../db/client.js";
import { ConflictError, InvalidTokenError, RateLimitedError, ValidationError } from "../../errors.js";
import { hashToken } from "../../lib/tokens.js";
import { recordAudit } from "../audit/audit.js";
import { findAccountById } from "../auth/accounts.repository.js";
import type { AccountActor } from "../auth/actor.js";
import { type AuthService, type ClientInfo, toActor } from "../auth/auth.service.js";
import {
  auditFactorFailure,
  checkFactor,
  type Factor,
  type FactorFailure,
  type FactorOutcome,
  factorProblem,
} from "./factor-check.js";
import { CHALLENGE_MAX_FAILURES, type SecondFactorStatus, secondFactorStatus } from "./sign-in-challenges.js";
import type { Enrolment } from "./totp.js";
import {
  type ChallengeRow,
  countChallengeFailure,
  countUnusedRecoveryCodes,
  deleteChallenge,
  findChallenge,
  findTotp,
  lockChallenge,
} from "./two-factor.repository.js";
import { confirmPendingTotp, startEnrolmentFor, type TwoFactorDeps } from "./two-factor.service.js";

const EXPIRED = "This sign-in has expired. Sign in again with your password.";
const BURNED = "Too many wrong codes. Sign in again with your password.";

type Failure = { failed: FactorFailure & { attemptsLeft: number } };
type Success = { accountId: string; token: string };

/**
 * The second step of signing in (see sign-in-challenges.ts): answer the challenge with a code or
 * a recovery code, or — staff who must have two-factor sign-in and have none yet — enrol with
 * it. Every wrong answer is audited and counted on the challenge (the fifth burns it) and
 * against the account across challenges (`failures`, 429 with Retry-After once exceeded). A
 * burned, expired or used challenge is a 400 INVALID_TOKEN: sign in again with the password.
 */
export class SignInChallengeService {
  constructor(private readonly deps: TwoFactorDeps & { auth: AuthService }) {}

  async complete(input: { challenge: string } & Factor, client: ClientInfo) {
    const tokenHash = await this.usableChallenge(input.challenge);
    const outcome = await this.deps.db.transaction(async (tx): Promise<Failure | Success> => {
      const { challenge, actor } = await this.openChallenge(tx, tokenHash, client, "two_factor_required");
      const totp = await findTotp(tx, actor.accountId);
      if (!totp) throw new InvalidTokenError(EXPIRED);
      const factor: Factor = "code" in input ? { code: input.code } : { recoveryCode: input.recoveryCode };
      const result = await checkFactor(tx, this.deps, totp, factor);
      if (result !== "ok") return this.countFailure(tx, challenge, actor, result);
      if ("recoveryCode" in factor) {
        await recordAudit(tx, actor, {
          action: "account.two_factor_recovery_code_used",
          target: { type: "account", id: actor.accountId },
          companyId: actor.companyId,
          after: { recoveryCodesLeft: await countUnusedRecoveryCodes(tx, actor.accountId) },
        });
      }
      return this.finish(tx, tokenHash, actor, client);
    });
    if ("failed" in outcome) this.refuse(outcome);
    return outcome;
  }

  async startEnrolment(input: { challenge: string }, client: ClientInfo): Promise<Enrolment> {
    const tokenHash = await this.usableChallenge(input.challenge);
    const { actor } = await this.openChallenge(
      this.deps.db,
      tokenHash,
      client,
      "two_factor_enrolment_required",
    );
    return startEnrolmentFor(this.deps, actor);
  }

  /** Turns the new authenticator on and signs in; the recovery codes are shown before going on. */
  async confirmEnrolment(input: { challenge: string; code: string }, client: ClientInfo) {
    const tokenHash = await this.usableChallenge(input.challenge);
    type Enrolled = Success & { recoveryCodes: string[] };
    const outcome = await this.deps.db.transaction(async (tx): Promise<Failure | Enrolled> => {
      const { challenge, actor } = await this.openChallenge(
        tx,
        tokenHash,
        client,
        "two_factor_enrolment_required",
      );
      const totp = await findTotp(tx, actor.accountId);
      if (!totp) throw new ConflictError("Scan the QR code with your authenticator app first.");
      const attemptsLeft = CHALLENGE_MAX_FAILURES - challenge.failedAttempts - 1;
      const confirmed = await confirmPendingTotp(tx, this.deps, actor, totp, input.code, attemptsLeft);
      if ("failed" in confirmed) {
        await countChallengeFailure(tx, tokenHash, challenge.failedAttempts + 1);
        return { failed: { ...confirmed.failed, attemptsLeft } };
      }
      return { ...(await this.finish(tx, tokenHash, actor, client)), recoveryCodes: confirmed.recoveryCodes };
    });
    if ("failed" in outcome) this.refuse(outcome);
    return outcome;
  }

  /** Checked before any transaction: an unknown or spent challenge, or a blocked account. */
  private async usableChallenge(token: string): Promise<string> {
    const tokenHash = hashToken(this.deps.sessionSecret, token);
    const challenge = await findChallenge(this.deps.db, tokenHash);
    assertLive(challenge);
    const wait = this.deps.failures.blockedFor(challenge.accountId);
    if (wait > 0) throw new RateLimitedError(wait);
    return tokenHash;
  }

  private async openChallenge(tx: Db, tokenHash: string, client: ClientInfo, expected: SecondFactorStatus) {
    const challenge = await lockChallenge(tx, tokenHash);
    assertLive(challenge);
    const account = await findAccountById(tx, challenge.accountId);
    if (account?.status !== "active") throw new InvalidTokenError(EXPIRED);
    const status = await secondFactorStatus(tx, account);
    if (status !== expected) {
      throw new ConflictError(
        status === "two_factor_required"
          ? "Two-factor sign-in is already set up for this account. Enter a code instead."
          : "This sign-in does not need a two-factor code. Sign in again with your password.",
      );
    }
    return { challenge, actor: toActor(account, client.ip) };
  }

  private async countFailure(
    tx: Db,
    challenge: ChallengeRow,
    actor: AccountActor,
    outcome: Exclude<FactorOutcome, "ok">,
  ): Promise<Failure> {
    const failedAttempts = challenge.failedAttempts + 1;
    const attemptsLeft = CHALLENGE_MAX_FAILURES - failedAttempts;
    await countChallengeFailure(tx, challenge.tokenHash, failedAttempts);
    await auditFactorFailure(tx, actor, { outcome, during: "sign_in", attemptsLeft });
    return { failed: { outcome, accountId: actor.accountId, attemptsLeft } };
  }

  private async finish(tx: Db, tokenHash: string, actor: AccountActor, client: ClientInfo): Promise<Success> {
    await deleteChallenge(tx, tokenHash);
    const token = await this.deps.auth.startSession(actor.accountId, client, tx);
    return { accountId: actor.accountId, token };
  }

  private refuse({ failed }: Failure): never {
    this.deps.failures.hit(failed.accountId);
    if (failed.attemptsLeft <= 0) throw new InvalidTokenError(BURNED);
    throw new ValidationError(factorProblem(failed.outcome, failed.attemptsLeft));
  }
}

function assertLive(challenge: ChallengeRow | undefined): asserts challenge is ChallengeRow {
  if (!challenge || challenge.expiresAt.getTime() <= Date.now()) throw new InvalidTokenError(EXPIRED);
  if (challenge.failedAttempts >= CHALLENGE_MAX_FAILURES) throw new InvalidTokenError(BURNED);
}
