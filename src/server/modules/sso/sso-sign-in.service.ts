import * as oidc from "openid-client";
import { normaliseEmail } from "../../../domain/email.js";
import type { Db } from "../../db/client.js";
import { RateLimiter } from "../../lib/rate-limiter.js";
import type { SecretBox } from "../../lib/secret-box.js";
import { hashToken } from "../../lib/tokens.js";
import { recordAudit } from "../audit/audit.js";
import type { SystemActor } from "../auth/actor.js";
import { type AuthService, type ClientInfo, toActor } from "../auth/auth.service.js";
import { expireAccountInvitations } from "../invitations/invitations.repository.js";
import { type OidcClients, OidcProblem, type ProviderSettings } from "./oidc-client.js";
import {
  emailDomainOf,
  redirectUriFor,
  SSO_LOGIN_VALID_MS,
  type SsoFailure,
  ssoAnswer,
} from "./sso.policy.js";
import {
  type CompanySsoRow,
  consumeLoginRequest,
  deleteExpiredLoginRequests,
  findCompanySso,
  findOtherSubjectHolder,
  findSignInMember,
  findSsoForDomain,
  insertLoginRequest,
  linkSignInAccount,
} from "./sso.repository.js";

/** Who the audit log names for a failed single sign-on (nobody is signed in yet). */
const SSO_ACTOR: SystemActor = { type: "system", fullName: "single sign-on" };

/** Sign-ins started per client IP: each one is a row until it is used or expires. */
const STARTS_PER_IP = { limit: 30, windowSeconds: 15 * 60 };

export interface SsoSignInDeps {
  db: Db;
  sessionSecret: string;
  publicUrl: string;
  oidc: OidcClients;
  secrets: SecretBox;
  auth: AuthService;
}

/** Where the browser goes next, and the cookies to set on the way. */
export interface SsoStep {
  location: string;
  /** Start: the state to keep in this browser's cookie; callback: the new session. */
  state?: string;
  sessionToken?: string;
}

class SsoFailed extends Error {
  constructor(
    readonly reason: SsoFailure,
    message: string,
    readonly companyId: string | null = null,
    readonly accountId: string | null = null,
  ) {
    super(message);
  }
}

export const failureLocation = (reason: SsoFailure) => `/sign-in?sso_error=${reason}`;

/** The sign-in side of single sign-on (rules: sso.policy.ts). Knows nothing of HTTP. */
export class SsoSignInService {
  private readonly startsPerIp = new RateLimiter(STARTS_PER_IP);

  constructor(private readonly deps: SsoSignInDeps) {}

  /** From the email's domain and the companies' settings alone: never says whether an account exists. */
  async discover(email: string) {
    const domain = emailDomainOf(email);
    const row = domain ? await findSsoForDomain(this.deps.db, domain) : undefined;
    return { sso: ssoAnswer(row) };
  }

  async start(email: string, client: ClientInfo): Promise<SsoStep> {
    return this.failSafely(client, async () => {
      const ipKey = client.ip ?? "unknown";
      if (this.startsPerIp.blockedFor(ipKey) > 0)
        throw new SsoFailed("rate_limited", "Too many single sign-ons started from this address.");
      this.startsPerIp.hit(ipKey);

      const domain = emailDomainOf(email);
      const row = domain ? await findSsoForDomain(this.deps.db, domain) : undefined;
      if (!row?.enabled)
        throw new SsoFailed("not_configured", `No single sign-on covers ${domain}.`, row?.companyId);
      const state = oidc.randomState();
      const nonce = oidc.randomNonce();
      const codeVerifier = oidc.randomPKCECodeVerifier();
      const location = await this.askProvider(row, () =>
        this.deps.oidc.authorizationUrl(this.settings(row), {
          redirectUri: redirectUriFor(this.deps.publicUrl),
          state,
          nonce,
          codeVerifier,
          loginHint: email,
        }),
      );
      const now = new Date();
      await deleteExpiredLoginRequests(this.deps.db, now);
      await insertLoginRequest(this.deps.db, {
        stateHash: this.hash(state),
        companyId: row.companyId,
        codeVerifier,
        nonce,
        loginHint: email,
        expiresAt: new Date(now.getTime() + SSO_LOGIN_VALID_MS),
      });
      return { location, state };
    });
  }

  /**
   * The provider's redirect back. `query` is the callback URL's query string as received;
   * `browserState` the state this browser's cookie holds (the sign-in it started).
   */
  async callback(query: string, browserState: string | null, client: ClientInfo): Promise<SsoStep> {
    return this.failSafely(client, async () => {
      const params = new URLSearchParams(query);
      const state = params.get("state");
      if (!state) throw new SsoFailed("invalid_state", "The provider's answer has no state.");
      // Consumed before anything else is checked: a second callback with this state finds nothing.
      const request = await consumeLoginRequest(this.deps.db, this.hash(state));
      if (!request || request.expiresAt.getTime() <= Date.now()) {
        throw new SsoFailed(
          "invalid_state",
          "Unknown, expired or already used state: a replayed or stale callback.",
          request?.companyId,
        );
      }
      const companyId = request.companyId;
      if (browserState !== state) {
        throw new SsoFailed(
          "invalid_state",
          "The callback's state is not the one this browser started.",
          companyId,
        );
      }
      const providerError = params.get("error");
      if (providerError) {
        const description = params.get("error_description");
        throw new SsoFailed(
          "idp_error",
          `The provider answered ${providerError}${description ? `: ${description}` : ""}`,
          companyId,
        );
      }
      const row = await findCompanySso(this.deps.db, companyId);
      if (!row?.enabled) throw new SsoFailed("not_configured", "Single sign-on was turned off.", companyId);

      const callbackUrl = new URL(redirectUriFor(this.deps.publicUrl));
      callbackUrl.search = params.toString();
      const identity = await this.askProvider(row, () =>
        this.deps.oidc.exchange(this.settings(row), callbackUrl, {
          state,
          nonce: request.nonce,
          codeVerifier: request.codeVerifier,
        }),
      );
      return this.signInMember(row, identity, client);
    });
  }

  private async signInMember(
    row: CompanySsoRow,
    identity: { sub: string; email: string | undefined; emailVerified: unknown },
    client: ClientInfo,
  ): Promise<SsoStep> {
    const { companyId } = row;
    if (!identity.email) throw new SsoFailed("email_missing", "The ID token has no email.", companyId);
    const email = normaliseEmail(identity.email);
    if (identity.emailVerified === false)
      throw new SsoFailed("email_unverified", `The provider has not verified ${email}.`, companyId);
    const account = await findSignInMember(this.deps.db, companyId, email);
    if (!account)
      throw new SsoFailed("not_a_member", `${email} is not an active or invited member.`, companyId);
    const mismatch = `${email} is linked to another identity at the provider than ${identity.sub}.`;
    if (
      (account.ssoSubject && account.ssoSubject !== identity.sub) ||
      (await findOtherSubjectHolder(this.deps.db, companyId, identity.sub, account.id))
    ) {
      throw new SsoFailed("account_mismatch", mismatch, companyId, account.id);
    }

    const sessionToken = await this.deps.db.transaction(async (tx) => {
      const linked = await linkSignInAccount(tx, account.id, identity.sub);
      if (!linked) throw new SsoFailed("account_mismatch", mismatch, companyId, account.id);
      if (account.status === "invited") await expireAccountInvitations(tx, account.id);
      await recordAudit(tx, toActor(linked, client.ip), {
        action: "sso.signed_in",
        target: { type: "account", id: account.id },
        companyId,
        after: {
          activated: account.status === "invited",
          linkedToProvider: account.ssoSubject === null,
        },
      });
      return this.deps.auth.startSession(account.id, client, tx);
    });
    return { location: "/", sessionToken };
  }

  /** Runs a step; any failure is audited and sends the browser to the sign-in page with its reason. */
  private async failSafely(client: ClientInfo, step: () => Promise<SsoStep>): Promise<SsoStep> {
    try {
      return await step();
    } catch (error) {
      if (!(error instanceof SsoFailed)) throw error;
      await recordAudit(this.deps.db, SSO_ACTOR, {
        action: "sso.sign_in_failed",
        target: error.accountId
          ? { type: "account", id: error.accountId }
          : { type: "company_sso", id: error.companyId },
        companyId: error.companyId,
        after: { reason: error.reason, detail: error.message, ip: client.ip },
      });
      return { location: failureLocation(error.reason) };
    }
  }

  private async askProvider<T>(row: CompanySsoRow, call: () => Promise<T>): Promise<T> {
    try {
      return await call();
    } catch (error) {
      if (error instanceof OidcProblem) throw new SsoFailed(error.reason, error.message, row.companyId);
      throw error;
    }
  }

  private hash(state: string): string {
    return hashToken(this.deps.sessionSecret, state);
  }

  private settings(row: CompanySsoRow): ProviderSettings {
    const clientSecret = this.deps.secrets.open(row.clientSecretSealed);
    if (clientSecret === null) {
      throw new SsoFailed(
        "not_configured",
        "The saved client secret cannot be opened (the session secret changed); an admin must enter it again.",
        row.companyId,
      );
    }
    return { issuer: row.issuer, clientId: row.clientId, clientSecret };
  }
}
