import { apiRequest } from "../../api/client";

export interface ScimToken {
  id: string;
  name: string;
  prefix: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

export interface ScimTokenList {
  /** What the identity provider is given as the SCIM base (tenant) URL. */
  scimBaseUrl: string;
  items: ScimToken[];
}

export interface CreatedScimToken {
  token: ScimToken;
  /** The bearer token: in this answer only. */
  secret: string;
  scimBaseUrl: string;
}

const tokensPath = (companyId: string) => `/companies/${encodeURIComponent(companyId)}/scim-tokens`;

export function fetchScimTokens(companyId: string, signal?: AbortSignal): Promise<ScimTokenList> {
  return apiRequest(tokensPath(companyId), { signal });
}

export function createScimToken(companyId: string, name: string): Promise<CreatedScimToken> {
  return apiRequest(tokensPath(companyId), { method: "POST", body: { name } });
}

export function revokeScimToken(companyId: string, tokenId: string): Promise<ScimToken> {
  return apiRequest(`${tokensPath(companyId)}/${encodeURIComponent(tokenId)}/revoke`, { method: "POST" });
}
