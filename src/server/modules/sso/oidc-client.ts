import * as oidc from "openid-client";
import { hashToken } from "../../lib/tokens.js";
import type { SsoFailure } from "./sso.policy.js";

/**
 * Talking to a company's identity provider, through openid-client (never by hand): discovery,
 * the authorization URL, and the code exchange with every check of the ID token — issuer,
 * audience, expiry, nonce, and its signature against the provider's JWKS
 * (`enableNonRepudiationChecks`; without it openid-client trusts the TLS channel instead).
 *
 * Discovered configurations are cached per issuer, client id and secret for a few minutes, so a
 * sign-in does not fetch the discovery document each time and a changed secret is used at once.
 */
const CACHE_MS = 5 * 60 * 1000;
const TIMEOUT_SECONDS = 10;
const SCOPE = "openid email profile";

export interface ProviderSettings {
  issuer: string;
  clientId: string;
  clientSecret: string;
}

/** What "Test discovery" shows of a provider. */
export interface DiscoveredProvider {
  issuer: string;
  authorizationEndpoint: string;
  tokenEndpoint: string;
  jwksUri: string;
}

export class OidcProblem extends Error {
  constructor(
    readonly reason: SsoFailure,
    message: string,
  ) {
    super(message);
  }
}

function isHttp(issuer: string): boolean {
  return new URL(issuer).protocol === "http:";
}

/** client_secret_basic unless the provider says it only takes the secret in the form body. */
function clientAuthFor(metadata: oidc.ServerMetadata, secret: string): oidc.ClientAuth {
  const methods = metadata.token_endpoint_auth_methods_supported;
  if (methods && !methods.includes("client_secret_basic") && methods.includes("client_secret_post"))
    return oidc.ClientSecretPost(secret);
  return oidc.ClientSecretBasic(secret);
}

/** A problem with a discovered provider that the code flow with PKCE cannot work with. */
function metadataProblem(metadata: oidc.ServerMetadata): string | null {
  if (!metadata.authorization_endpoint || !metadata.token_endpoint)
    return "The provider's discovery document has no authorization or token endpoint.";
  if (!metadata.jwks_uri) return "The provider's discovery document has no jwks_uri to check ID tokens with.";
  if (metadata.response_types_supported && !metadata.response_types_supported.includes("code"))
    return "The provider does not support the authorization code flow (response type “code”).";
  const pkce = metadata.code_challenge_methods_supported;
  if (pkce && !pkce.includes("S256")) return "The provider does not support PKCE with S256.";
  return null;
}

async function discover(settings: ProviderSettings): Promise<oidc.Configuration> {
  const execute = isHttp(settings.issuer) ? [oidc.allowInsecureRequests] : [];
  let config: oidc.Configuration;
  try {
    config = await oidc.discovery(new URL(settings.issuer), settings.clientId, undefined, undefined, {
      execute,
      timeout: TIMEOUT_SECONDS,
    });
  } catch (error) {
    throw new OidcProblem("idp_unreachable", discoveryMessage(settings.issuer, error));
  }
  const metadata = config.serverMetadata();
  const problem = metadataProblem(metadata);
  if (problem) throw new OidcProblem("idp_unreachable", problem);
  const ready = new oidc.Configuration(
    metadata,
    settings.clientId,
    { client_secret: settings.clientSecret },
    clientAuthFor(metadata, settings.clientSecret),
  );
  for (const step of execute) step(ready);
  ready.timeout = TIMEOUT_SECONDS;
  oidc.enableNonRepudiationChecks(ready);
  return ready;
}

function discoveryMessage(issuer: string, error: unknown): string {
  const where = `${issuer.replace(/\/+$/, "")}/.well-known/openid-configuration`;
  const cause =
    error instanceof Error ? (error.cause instanceof Error ? error.cause.message : error.message) : "";
  if (/issuer/i.test(cause))
    return `The discovery document at ${where} names another issuer; enter the issuer exactly as the provider does.`;
  return `Could not read the provider's discovery document at ${where}${cause ? ` (${cause})` : ""}.`;
}

/** Why a code exchange failed, as a sign-in failure reason and a message for the audit log. */
function exchangeProblem(error: unknown): OidcProblem {
  if (error instanceof oidc.AuthorizationResponseError || error instanceof oidc.ResponseBodyError) {
    const description = error.error_description ? `: ${error.error_description}` : "";
    return new OidcProblem("idp_error", `The provider answered ${error.error}${description}`);
  }
  if (error instanceof oidc.ClientError) {
    const cause = error.cause instanceof Error ? ` (${error.cause.message})` : "";
    return new OidcProblem("invalid_response", `${error.message}${cause}`);
  }
  const message = error instanceof Error ? error.message : String(error);
  return new OidcProblem("idp_unreachable", `The provider could not be reached: ${message}`);
}

export class OidcClients {
  private readonly cache = new Map<string, { config: Promise<oidc.Configuration>; expiresAt: number }>();

  constructor(private readonly sessionSecret: string) {}

  /** Fetches the discovery document afresh (saving settings, "Test discovery"). */
  async check(settings: ProviderSettings): Promise<DiscoveredProvider> {
    const config = await discover(settings);
    const metadata = config.serverMetadata();
    return {
      issuer: metadata.issuer,
      authorizationEndpoint: metadata.authorization_endpoint ?? "",
      tokenEndpoint: metadata.token_endpoint ?? "",
      jwksUri: metadata.jwks_uri ?? "",
    };
  }

  async authorizationUrl(
    settings: ProviderSettings,
    input: { redirectUri: string; state: string; nonce: string; codeVerifier: string; loginHint: string },
  ): Promise<string> {
    const config = await this.configuration(settings);
    const url = oidc.buildAuthorizationUrl(config, {
      redirect_uri: input.redirectUri,
      scope: SCOPE,
      response_type: "code",
      state: input.state,
      nonce: input.nonce,
      code_challenge: await oidc.calculatePKCECodeChallenge(input.codeVerifier),
      code_challenge_method: "S256",
      login_hint: input.loginHint,
    });
    return url.href;
  }

  /** Exchanges the callback's code; the ID token's claims once every check passed. */
  async exchange(
    settings: ProviderSettings,
    callbackUrl: URL,
    checks: { state: string; nonce: string; codeVerifier: string },
  ): Promise<{ sub: string; email: string | undefined; emailVerified: unknown }> {
    const config = await this.configuration(settings);
    try {
      const tokens = await oidc.authorizationCodeGrant(config, callbackUrl, {
        expectedState: checks.state,
        expectedNonce: checks.nonce,
        pkceCodeVerifier: checks.codeVerifier,
        idTokenExpected: true,
      });
      const claims = tokens.claims();
      if (!claims) throw new OidcProblem("invalid_response", "The provider sent no ID token.");
      let email = typeof claims.email === "string" ? claims.email : undefined;
      let emailVerified: unknown = claims.email_verified;
      // Some providers keep email out of the ID token; their UserInfo endpoint then has it.
      if (!email && tokens.access_token && config.serverMetadata().userinfo_endpoint) {
        const info = await oidc.fetchUserInfo(config, tokens.access_token, claims.sub);
        email = typeof info.email === "string" ? info.email : undefined;
        emailVerified = info.email_verified;
      }
      return { sub: claims.sub, email, emailVerified };
    } catch (error) {
      if (error instanceof OidcProblem) throw error;
      throw exchangeProblem(error);
    }
  }

  private configuration(settings: ProviderSettings): Promise<oidc.Configuration> {
    const cached = this.cache.get(this.key(settings));
    if (cached && cached.expiresAt > Date.now()) return cached.config;
    const config = discover(settings);
    this.remember(settings, config);
    // A failed discovery is not cached: the next sign-in tries again.
    config.catch(() => this.cache.delete(this.key(settings)));
    return config;
  }

  private remember(settings: ProviderSettings, config: Promise<oidc.Configuration>): void {
    if (this.cache.size > 1000) this.cache.clear();
    this.cache.set(this.key(settings), { config, expiresAt: Date.now() + CACHE_MS });
  }

  private key(settings: ProviderSettings): string {
    return [settings.issuer, settings.clientId, hashToken(this.sessionSecret, settings.clientSecret)].join(
      "\n",
    );
  }
}
