import { normaliseEmail } from "../../../domain/email.js";
import type { Db } from "../../db/client.js";
import { InvalidTokenError, RateLimitedError, UnauthenticatedError, ValidationError } from "../../errors.js";
import { burnPasswordCheck, hashPassword, verifyPassword } from "../../lib/passwords.js";
import { type LimitRule, RateLimiter } from "../../lib/rate-limiter.js";
import { hashToken, newToken } from "../../lib/tokens.js";
import { recordAudit } from "../audit/audit.js";
import { findService } from "../setup/service.repository.js";
import { passwordsOffFor, SSO_REQUIRED_MESSAGE } from "../sso/sso-password.js";
import { beginSecondFactor, type SecondFactorChallenge } from "../two-factor/sign-in-challenges.js";
import {
  type AccountRow,
  findAccountByEmail,
  findAccountById,
  findAccountByLogin,
  findAccountOrganisations,
  setAccountPassword,
} from "./accounts.repository.js";
import type { AccountActor } from "./actor.js";
import { issuePasswordReset } from "./password-reset-link.js";
import { consumePasswordResetToken, expireAccountResetTokens } from "./password-resets.repository.js";
import {
  deleteAccountSessions,
  deleteSession,
  findLiveSession,
  insertSession,
  touchSession,
} from "./sessions.repository.js";

export interface AuthLimits {
  /** Failed sign-ins per account (email or video address typed). */
  failuresPerAccount: LimitRule;
  /**
   * Failed sign-ins per client IP, across accounts (password spraying). Successful ones do not
   * count: a company's office signs everyone in from one address behind its NAT.
   */
  failuresPerIp: LimitRule;
  /** Password-reset requests per client IP. */
  resetRequestsPerIp: LimitRule;
  /** Wrong two-factor codes per account, across sign-in challenges (two-factor module). */
  twoFactorFailuresPerAccount: LimitRule;
}

export const DEFAULT_AUTH_LIMITS: AuthLimits = {
  failuresPerAccount: { limit: 10, windowSeconds: 15 * 60 },
  failuresPerIp: { limit: 50, windowSeconds: 15 * 60 },
  resetRequestsPerIp: { limit: 10, windowSeconds: 15 * 60 },
  twoFactorFailuresPerAccount: { limit: 10, windowSeconds: 15 * 60 },
};

/** A session ends after 8 hours without a request, and in any case 7 days after sign-in. */
export const SESSION_IDLE_MS = 8 * 60 * 60 * 1000;
export const SESSION_ABSOLUTE_MS = 7 * 24 * 60 * 60 * 1000;
/** Last-seen is written at most once a minute per session, not on every request. */
const TOUCH_INTERVAL_MS = 60 * 1000;

export { PASSWORD_RESET_VALID_MS } from "./password-reset-link.js";

export interface ClientInfo {
  ip: string | null;
  userAgent: string | null;
}

export interface AuthServiceDeps {
  db: Db;
  sessionSecret: string;
  publicUrl: string;
  limits: AuthLimits;
}

export class AuthService {
  private readonly failuresPerAccount: RateLimiter;
  private readonly failuresPerIp: RateLimiter;
  private readonly resetRequestsPerIp: RateLimiter;

  constructor(private readonly deps: AuthServiceDeps) {
    this.failuresPerAccount = new RateLimiter(deps.limits.failuresPerAccount);
    this.failuresPerIp = new RateLimiter(deps.limits.failuresPerIp);
    this.resetRequestsPerIp = new RateLimiter(deps.limits.resetRequestsPerIp);
  }

  /**
   * Answers the same for an unknown login and a wrong password (and takes as long), so the
   * sign-in form cannot be used to find out who has an account.
   */
  async signIn(
    input: { login: string; password: string },
    client: ClientInfo,
  ): Promise<
    { account: AccountRow; token: string } | { account: AccountRow; secondFactor: SecondFactorChallenge }
  > {
    const ipKey = client.ip ?? "unknown";
    const login = normaliseEmail(input.login);
    const wait = Math.max(this.failuresPerIp.blockedFor(ipKey), this.failuresPerAccount.blockedFor(login));
    if (wait > 0) throw new RateLimitedError(wait);

    const account = await findAccountByLogin(this.deps.db, login);
    let passwordOk = false;
    if (account?.passwordHash) passwordOk = await verifyPassword(account.passwordHash, input.password);
    else await burnPasswordCheck(input.password);
    if (!account || !passwordOk || account.status !== "active") {
      this.failuresPerAccount.hit(login);
      this.failuresPerIp.hit(ipKey);
      throw new UnauthenticatedError("Wrong email, video address or password.", "INVALID_CREDENTIALS");
    }
    // Single sign-on: a company that requires it refuses passwords (sso/sso-password.ts).
    if (await passwordsOffFor(this.deps.db, account))
      throw new UnauthenticatedError(SSO_REQUIRED_MESSAGE, "SSO_REQUIRED");
    this.failuresPerAccount.reset(login);
    // Two-factor sign-in: with an authenticator (or one the service requires) the password
    // only earns a challenge for the second step (two-factor/sign-in-challenges.ts).
    const secondFactor = await beginSecondFactor(this.deps.db, this.deps.sessionSecret, account);
    if (secondFactor) return { account, secondFactor };
    const token = await this.startSession(account.id, client);
    return { account, token };
  }

  /** Creates a session for an account that has just proven who it is; returns the cookie value. */
  async startSession(accountId: string, client: ClientInfo, db: Db = this.deps.db): Promise<string> {
    const token = newToken();
    await insertSession(db, {
      idHash: hashToken(this.deps.sessionSecret, token),
      accountId,
      expiresAt: new Date(Date.now() + SESSION_ABSOLUTE_MS),
      userAgent: client.userAgent?.slice(0, 500) ?? null,
      ip: client.ip,
    });
    return token;
  }

  async signOut(token: string): Promise<void> {
    await deleteSession(this.deps.db, hashToken(this.deps.sessionSecret, token));
  }

  /** The actor behind a session cookie, or null when the session is unknown, expired or idle. */
  async resolveSession(token: string, ip: string | null): Promise<AccountActor | null> {
    const idHash = hashToken(this.deps.sessionSecret, token);
    const found = await findLiveSession(this.deps.db, idHash, new Date(Date.now() - SESSION_IDLE_MS));
    if (found?.account.status !== "active") return null;
    if (Date.now() - found.session.lastSeenAt.getTime() > TOUCH_INTERVAL_MS)
      await touchSession(this.deps.db, idHash);
    return toActor(found.account, ip);
  }

  async describe(accountId: string) {
    const account = await findAccountById(this.deps.db, accountId);
    if (!account) throw new UnauthenticatedError();
    const [organisations, service] = await Promise.all([
      findAccountOrganisations(this.deps.db, account),
      findService(this.deps.db),
    ]);
    return toMeDto(account, organisations, {
      name: service?.name ?? "Confero",
      domains: service?.domains ?? [],
    });
  }

  /**
   * Changing the password signs the account out everywhere; the caller gets a fresh session so
   * the person who changed it stays signed in on this device.
   */
  async changePassword(
    actor: AccountActor,
    input: { currentPassword: string; newPassword: string },
    client: ClientInfo,
  ): Promise<string> {
    const account = await findAccountById(this.deps.db, actor.accountId);
    if (!account?.passwordHash || !(await verifyPassword(account.passwordHash, input.currentPassword))) {
      throw new ValidationError({ currentPassword: "The current password is wrong." });
    }
    const passwordHash = await hashPassword(input.newPassword);
    return this.deps.db.transaction(async (tx) => {
      await setAccountPassword(tx, account.id, passwordHash);
      await deleteAccountSessions(tx, account.id);
      await expireAccountResetTokens(tx, account.id);
      await recordAudit(tx, actor, {
        action: "account.password_changed",
        target: { type: "account", id: account.id },
        companyId: account.companyId,
      });
      return this.startSession(account.id, client, tx);
    });
  }

  /** Answers the same whether or not the email has an account; mails only real, active ones. */
  async requestPasswordReset(input: { email: string }, client: ClientInfo): Promise<void> {
    const ipKey = client.ip ?? "unknown";
    const wait = this.resetRequestsPerIp.blockedFor(ipKey);
    if (wait > 0) throw new RateLimitedError(wait);
    this.resetRequestsPerIp.hit(ipKey);

    const account = await findAccountByEmail(this.deps.db, normaliseEmail(input.email));
    if (account?.status !== "active") return;
    if (await passwordsOffFor(this.deps.db, account)) return; // single sign-on only: no password to reset
    const service = await findService(this.deps.db);
    await this.deps.db.transaction((tx) =>
      issuePasswordReset(tx, this.deps, account, service?.name ?? "Confero"),
    );
  }

  async confirmPasswordReset(input: { token: string; password: string }, client: ClientInfo): Promise<void> {
    const passwordHash = await hashPassword(input.password);
    await this.deps.db.transaction(async (tx) => {
      const accountId = await consumePasswordResetToken(tx, hashToken(this.deps.sessionSecret, input.token));
      const account = accountId ? await findAccountById(tx, accountId) : undefined;
      if (!account) {
        throw new InvalidTokenError(
          "This password reset link has expired or has already been used. Ask for a new one.",
        );
      }
      await setAccountPassword(tx, account.id, passwordHash);
      await deleteAccountSessions(tx, account.id);
      await expireAccountResetTokens(tx, account.id);
      await recordAudit(tx, toActor(account, client.ip), {
        action: "account.password_reset",
        target: { type: "account", id: account.id },
        companyId: account.companyId,
      });
    });
  }
}

export function toActor(account: AccountRow, ip: string | null): AccountActor {
  return {
    type: "account",
    accountId: account.id,
    kind: account.kind,
    role: account.role,
    companyId: account.companyId,
    partnerId: account.partnerId,
    fullName: account.fullName,
    ip,
  };
}

export function toMeDto(
  account: AccountRow,
  organisations: {
    company: { id: string; name: string } | null;
    partner: { id: string; name: string } | null;
  },
  service: { name: string; domains: string[] },
) {
  return {
    id: account.id,
    fullName: account.fullName,
    email: account.email,
    videoAddress: account.videoAddress,
    kind: account.kind,
    role: account.role,
    company: organisations.company,
    partner: organisations.partner,
    // The service's domains are public (every address ends in one); forms show them.
    service,
  };
}
