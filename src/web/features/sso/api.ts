import { apiRequest } from "../../api/client";

/** A company's OpenID Connect settings as GET /companies/{id}/sso answers them (never the secret). */
export interface SsoSettings {
  issuer: string;
  clientId: string;
  clientSecretSet: boolean;
  emailDomains: string[];
  enabled: boolean;
  required: boolean;
  breakGlassAccountId: string | null;
  updatedAt: string;
}

export interface SsoAdmin {
  id: string;
  fullName: string;
  email: string;
}

export interface SsoSettingsAnswer {
  /** What to register at the identity provider. */
  redirectUri: string;
  /** Who may be the break-glass admin. */
  admins: SsoAdmin[];
  settings: SsoSettings | null;
}

export interface SaveSsoInput {
  issuer: string;
  clientId: string;
  /** Left out keeps the saved secret. */
  clientSecret?: string;
  emailDomains: string[];
  enabled: boolean;
  required: boolean;
  breakGlassAccountId: string | null;
}

export interface DiscoveredProvider {
  issuer: string;
  authorizationEndpoint: string;
  tokenEndpoint: string;
  jwksUri: string;
}

export type SsoAvailability = "none" | "available" | "required";

const ssoPath = (companyId: string) => `/companies/${encodeURIComponent(companyId)}/sso`;

export function fetchSsoSettings(companyId: string, signal?: AbortSignal): Promise<SsoSettingsAnswer> {
  return apiRequest<SsoSettingsAnswer>(ssoPath(companyId), { signal });
}

export function saveSsoSettings(companyId: string, input: SaveSsoInput): Promise<SsoSettingsAnswer> {
  return apiRequest<SsoSettingsAnswer>(ssoPath(companyId), { method: "PUT", body: input });
}

export function removeSsoSettings(companyId: string): Promise<void> {
  return apiRequest<void>(ssoPath(companyId), { method: "DELETE" });
}

export function testSsoDiscovery(companyId: string, issuer: string): Promise<DiscoveredProvider> {
  return apiRequest<DiscoveredProvider>(`${ssoPath(companyId)}/discovery-test`, {
    method: "POST",
    body: { issuer },
  });
}

export function discoverSso(email: string, signal?: AbortSignal): Promise<{ sso: SsoAvailability }> {
  return apiRequest<{ sso: SsoAvailability }>("/auth/sso/discover", {
    method: "POST",
    body: { email },
    signal,
  });
}

/** Where the browser goes to sign in through the provider (a full page navigation, not fetch). */
export function ssoStartUrl(email: string): string {
  return `/api/v1/auth/sso/start?email=${encodeURIComponent(email)}`;
}
