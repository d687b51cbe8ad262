import type { Db } from "../../db/client.js";
import { ConflictError, RateLimitedError, UnauthenticatedError, ValidationError } from "../../errors.js";
import { verifyPassword } from "../../lib/passwords.js";
import type { RateLimiter } from "../../lib/rate-limiter.js";
import type { SecretBox } from "../../lib/secret-box.js";
import { hashToken } from "../../lib/tokens.js";
import { recordAudit } from "../audit/audit.js";
import { findAccountById } from "../auth/accounts.repository.js";
import type { AccountActor } from "../auth/actor.js";
import { findService } from "../setup/service.repository.js";
import {
  auditFactorFailure,
  checkFactor,
  type Factor,
  type FactorContext,
  type FactorFailure,
  factorProblem,
} from "./factor-check.js";
import {
  describeEnrolment,
  type Enrolment,
  newRecoveryCodes,
  newTotpSecret,
  normaliseRecoveryCode,
} from "./totp.js";
import { assertMayTurnOff, assertSessionActor, staffMustUseTwoFactor } from "./two-factor.policy.js";
import {
  countUnusedRecoveryCodes,
  deleteTotp,
  findTotp,
  markTotpConfirmed,
  replacePendingTotp,
  replaceRecoveryCodes,
  type TotpRow,
} from "./two-factor.repository.js";

export interface TwoFactorDeps {
  db: Db;
  sessionSecret: string;
  /** Seals TOTP secrets (purpose "totp"): the server must read them back to check codes. */
  secrets: SecretBox;
  /** Wrong codes per account, across challenges and endpoints. */
  failures: RateLimiter;
}

/**
 * A person's own authenticator, under /me/two-factor: start enrolment (a new secret, replacing an
 * unconfirmed one), confirm it with a first code (then ten recovery codes are shown, once),
 * regenerate the codes, and turn it off with the password and a code. Session only.
 */
export class TwoFactorService {
  constructor(private readonly deps: TwoFactorDeps) {}

  async status(actor: AccountActor) {
    const [totp, service] = await Promise.all([
      findTotp(this.deps.db, actor.accountId),
      findService(this.deps.db),
    ]);
    const enabled = Boolean(totp?.confirmedAt);
    return {
      enabled,
      enabledAt: totp?.confirmedAt?.toISOString() ?? null,
      recoveryCodesLeft: enabled ? await countUnusedRecoveryCodes(this.deps.db, actor.accountId) : 0,
      required: staffMustUseTwoFactor(actor.kind, service?.requireTwoFactorForStaff ?? false),
    };
  }

  async startEnrolment(actor: AccountActor): Promise<Enrolment> {
    assertSessionActor(actor);
    return startEnrolmentFor(this.deps, actor);
  }

  async confirmEnrolment(actor: AccountActor, input: { code: string }): Promise<{ recoveryCodes: string[] }> {
    assertSessionActor(actor);
    this.assertNotBlocked(actor.accountId);
    const outcome = await this.deps.db.transaction(async (tx) => {
      const totp = await findTotp(tx, actor.accountId);
      if (totp?.confirmedAt) throw new ConflictError("Two-factor sign-in is already on.");
      if (!totp) throw new ConflictError("Start setting up two-factor sign-in first.");
      return confirmPendingTotp(tx, this.deps, actor, totp, input.code);
    });
    if ("failed" in outcome) this.refuse(outcome.failed);
    return outcome;
  }

  async regenerateRecoveryCodes(actor: AccountActor, input: { code: string }) {
    assertSessionActor(actor);
    this.assertNotBlocked(actor.accountId);
    const recoveryCodes = newRecoveryCodes();
    const outcome = await this.deps.db.transaction(
      async (tx): Promise<{ failed: FactorFailure } | { recoveryCodes: string[] }> => {
        const totp = await this.confirmedTotp(tx, actor);
        const failed = await this.checkOrAudit(tx, actor, totp, { code: input.code }, "recovery_codes");
        if (failed) return { failed };
        await replaceRecoveryCodes(tx, actor.accountId, this.hashCodes(recoveryCodes));
        await recordAudit(tx, actor, {
          action: "account.two_factor_recovery_codes_regenerated",
          target: { type: "account", id: actor.accountId },
          companyId: actor.companyId,
        });
        return { recoveryCodes };
      },
    );
    if ("failed" in outcome) this.refuse(outcome.failed);
    return outcome;
  }

  /** Needs the current password and a code (or a recovery code): a borrowed session is not enough. */
  async disable(actor: AccountActor, input: { password: string } & Factor): Promise<void> {
    assertSessionActor(actor);
    const service = await findService(this.deps.db);
    assertMayTurnOff(actor.kind, service?.requireTwoFactorForStaff ?? false);
    this.assertNotBlocked(actor.accountId);
    const account = await findAccountById(this.deps.db, actor.accountId);
    if (!account) throw new UnauthenticatedError();
    if (!account.passwordHash || !(await verifyPassword(account.passwordHash, input.password))) {
      throw new ValidationError({ password: "The password is wrong." });
    }
    const factor: Factor = "code" in input ? { code: input.code } : { recoveryCode: input.recoveryCode };
    const failed = await this.deps.db.transaction(async (tx) => {
      const totp = await this.confirmedTotp(tx, actor);
      const failure = await this.checkOrAudit(tx, actor, totp, factor, "disable");
      if (failure) return failure;
      await deleteTotp(tx, actor.accountId);
      await recordAudit(tx, actor, {
        action: "account.two_factor_disabled",
        target: { type: "account", id: actor.accountId },
        companyId: actor.companyId,
      });
      return null;
    });
    if (failed) this.refuse(failed);
  }

  private async confirmedTotp(tx: Db, actor: AccountActor): Promise<TotpRow> {
    const totp = await findTotp(tx, actor.accountId);
    if (!totp?.confirmedAt) throw new ConflictError("Two-factor sign-in is not on.");
    return totp;
  }

  /** Null when the factor is right; otherwise the failure, already audited in `tx`. */
  private async checkOrAudit(
    tx: Db,
    actor: AccountActor,
    totp: TotpRow,
    factor: Factor,
    during: FactorContext,
  ): Promise<FactorFailure | null> {
    const outcome = await checkFactor(tx, this.deps, totp, factor);
    if (outcome === "ok") return null;
    await auditFactorFailure(tx, actor, { outcome, during });
    return { outcome, accountId: actor.accountId };
  }

  private hashCodes(codes: string[]): string[] {
    return codes.map((code) => hashToken(this.deps.sessionSecret, normaliseRecoveryCode(code)));
  }

  private assertNotBlocked(accountId: string): void {
    const wait = this.deps.failures.blockedFor(accountId);
    if (wait > 0) throw new RateLimitedError(wait);
  }

  /** Counted after the transaction committed its audit row; the answer names the field. */
  private refuse(failed: FactorFailure): never {
    this.deps.failures.hit(failed.accountId);
    throw new ValidationError(factorProblem(failed.outcome));
  }
}

export async function startEnrolmentFor(deps: TwoFactorDeps, account: AccountActor): Promise<Enrolment> {
  const [row, service] = await Promise.all([
    findAccountById(deps.db, account.accountId),
    findService(deps.db),
  ]);
  if (!row) throw new UnauthenticatedError();
  const secret = newTotpSecret();
  await deps.db.transaction(async (tx) => {
    const existing = await findTotp(tx, account.accountId);
    if (existing?.confirmedAt) {
      throw new ConflictError(
        "Two-factor sign-in is already on. Turn it off first to use a new authenticator.",
      );
    }
    await replacePendingTotp(tx, account.accountId, deps.secrets.seal(secret));
    await recordAudit(tx, account, {
      action: "account.two_factor_enrolment_started",
      target: { type: "account", id: account.accountId },
      companyId: account.companyId,
    });
  });
  return describeEnrolment(secret, row.email, service?.name ?? "Confero");
}

/**
 * The first code of a new authenticator turns it on and makes ten recovery codes. Returns
 * `{ failed }` (already audited) instead of throwing, so the caller's transaction keeps the audit.
 */
export async function confirmPendingTotp(
  tx: Db,
  deps: TwoFactorDeps,
  actor: AccountActor,
  totp: TotpRow,
  code: string,
  attemptsLeft?: number,
): Promise<{ failed: FactorFailure } | { recoveryCodes: string[] }> {
  const outcome = await checkFactor(tx, deps, totp, { code });
  if (outcome !== "ok") {
    await auditFactorFailure(tx, actor, { outcome, during: "enrolment", attemptsLeft });
    return { failed: { outcome, accountId: actor.accountId } };
  }
  const recoveryCodes = newRecoveryCodes();
  await markTotpConfirmed(tx, actor.accountId);
  await replaceRecoveryCodes(
    tx,
    actor.accountId,
    recoveryCodes.map((c) => hashToken(deps.sessionSecret, normaliseRecoveryCode(c))),
  );
  await recordAudit(tx, actor, {
    action: "account.two_factor_enabled",
    target: { type: "account", id: actor.accountId },
    companyId: actor.companyId,
  });
  return { recoveryCodes };
}
