import { generateKeyPairSync } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import Provider, { type KoaContext } from "oidc-provider";

/**
 * A real OpenID Connect provider (`oidc-provider` 9) on 127.0.0.1 with a random port, for the
 * single sign-on tests: discovery, JWKS, PKCE-only authorization code flow, signed ID tokens.
 *
 * - One client (`client_secret_basic`, redirect URI of the app under test, response type `code`,
 *   PKCE required).
 * - Whoever signs in at its login form is the account typed there: `sub` is the login, `email`
 *   the login, `email_verified` true — unless `setAccount` said otherwise for that login.
 * - Its development login form (devInteractions) is what a browser fills in; `signIn` fills it
 *   in with fetch for integration tests. Consent is granted automatically (a first-party app).
 * - `misbehave` turns it into a broken or hostile provider on the wire, to test that Confero
 *   refuses what it should: a tampered ID token (payload changed, signature kept) or an ID
 *   token for another nonce than the one Confero sent.
 */
/** What the provider says of a login; `sub` is always the login itself (oidc-provider's account id). */
export interface TestAccountClaims {
  email?: string;
  email_verified?: boolean;
  name?: string;
}

export interface TestIdentityProvider {
  issuer: string;
  clientId: string;
  clientSecret: string;
  misbehave: { tamperIdTokenEmail?: string; replaceNonce?: string };
  setAccount(login: string, claims: Partial<TestAccountClaims>): void;
  /**
   * Follows an authorization URL through the provider's login form as `login`; returns the URL
   * the provider finally sends the browser to (Confero's callback with code and state).
   */
  signIn(authorizationUrl: string, login: string): Promise<URL>;
  close(): Promise<void>;
}

export async function startOidcProvider(options: {
  redirectUri: string;
  clientId?: string;
  clientSecret?: string;
  /** A fixed port (Playwright), or a random one. */
  port?: number;
}): Promise<TestIdentityProvider> {
  let handler: ((req: IncomingMessage, res: ServerResponse) => void) | undefined;
  const server = createServer((req, res) => handler?.(req, res));
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, "127.0.0.1", resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const clientId = options.clientId ?? "confero-test";
  const clientSecret = options.clientSecret ?? "a-client-secret-for-tests-only-0123456789";
  const accounts = new Map<string, Partial<TestAccountClaims>>();
  const misbehave: TestIdentityProvider["misbehave"] = {};
  const signingKey = generateKeyPairSync("rsa", { modulusLength: 2048 }).privateKey.export({ format: "jwk" });

  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: clientId,
        client_secret: clientSecret,
        redirect_uris: [options.redirectUri],
        response_types: ["code"],
        grant_types: ["authorization_code"],
        token_endpoint_auth_method: "client_secret_basic",
      },
    ],
    jwks: { keys: [{ ...signingKey, kid: "test-key", use: "sig", alg: "RS256" }] },
    cookies: { keys: ["oidc-test-cookie-key-0123456789"] },
    claims: { openid: ["sub"], email: ["email", "email_verified"], profile: ["name"] },
    // Put the scope's claims (email) in the ID token itself, as the big providers do.
    conformIdTokenClaims: false,
    pkce: { required: () => true },
    ttl: {
      AccessToken: 600,
      AuthorizationCode: 60,
      Grant: 600,
      IdToken: 600,
      Interaction: 600,
      Session: 600,
    },
    features: { devInteractions: { enabled: true } },
    findAccount: async (_ctx: unknown, login: string) => ({
      accountId: login,
      claims: async () => ({
        sub: login,
        email: login,
        email_verified: true,
        ...accounts.get(login),
      }),
    }),
    loadExistingGrant: async (ctx: KoaContext) => {
      const { client, session, result } = ctx.oidc;
      if (!client || !session) return undefined;
      const grantId = result?.consent?.grantId ?? session.grantIdFor(client.clientId);
      if (grantId) return ctx.oidc.provider.Grant.find(grantId);
      const grant = new ctx.oidc.provider.Grant({ clientId: client.clientId, accountId: session.accountId });
      grant.addOIDCScope("openid email profile");
      await grant.save();
      return grant;
    },
  });

  provider.use(async (ctx, next) => {
    if (ctx.method === "GET" && ctx.path === "/auth" && misbehave.replaceNonce) {
      ctx.query = { ...ctx.query, nonce: misbehave.replaceNonce };
    }
    await next();
    const body = ctx.body as { id_token?: string } | undefined;
    if (ctx.path === "/token" && body?.id_token && misbehave.tamperIdTokenEmail) {
      body.id_token = withChangedEmail(body.id_token, misbehave.tamperIdTokenEmail);
    }
  });
  handler = provider.callback();

  return {
    issuer,
    clientId,
    clientSecret,
    misbehave,
    setAccount: (login, claims) => accounts.set(login, claims),
    signIn: (authorizationUrl, login) => followLogin(issuer, authorizationUrl, login),
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

/** The same ID token with another email in its payload and the original signature. */
function withChangedEmail(idToken: string, email: string): string {
  const [header, payload, signature] = idToken.split(".");
  const claims = JSON.parse(Buffer.from(payload ?? "", "base64url").toString("utf8"));
  const changed = Buffer.from(JSON.stringify({ ...claims, email })).toString("base64url");
  return [header, changed, signature].join(".");
}

/** A browser's way through the provider: redirects, its cookies, and its login form. */
async function followLogin(issuer: string, authorizationUrl: string, login: string): Promise<URL> {
  const cookies = new Map<string, string>();
  const send = async (url: URL, init: RequestInit = {}) => {
    const response = await fetch(url, {
      ...init,
      redirect: "manual",
      headers: { ...init.headers, cookie: [...cookies].map(([k, v]) => `${k}=${v}`).join("; ") },
    });
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(";");
      const at = pair?.indexOf("=") ?? -1;
      if (pair && at > 0) cookies.set(pair.slice(0, at), pair.slice(at + 1));
    }
    return response;
  };

  let url = new URL(authorizationUrl);
  for (let step = 0; step < 10; step += 1) {
    if (url.origin !== issuer) return url;
    const response = await send(url);
    const location = response.headers.get("location");
    if (location) {
      url = new URL(location, url);
      continue;
    }
    const page = await response.text();
    if (response.status !== 200 || !page.includes('name="login"')) {
      throw new Error(`the provider answered ${response.status} at ${url.pathname}: ${page.slice(0, 300)}`);
    }
    const submitted = await send(url, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ prompt: "login", login, password: "any password" }).toString(),
    });
    const next = submitted.headers.get("location");
    if (!next) throw new Error(`the provider's login form answered ${submitted.status}`);
    url = new URL(next, url);
  }
  throw new Error("the provider kept redirecting");
}

/** Confero's side in integration tests: the settings body for a company using this provider. */
export function ssoSettingsBody(idp: TestIdentityProvider, overrides: Record<string, unknown> = {}) {
  return {
    issuer: idp.issuer,
    clientId: idp.clientId,
    clientSecret: idp.clientSecret,
    emailDomains: ["alpha-co.example"],
    enabled: true,
    required: false,
    ...overrides,
  };
}

/** The redirect URI of a test app (publicUrl http://confero.test). */
export const TEST_REDIRECT_URI = "http://confero.test/api/v1/auth/sso/callback";
