import { apiRequest } from "../../api/client";

/** The signed-in admin's own API tokens (server: modules/api-tokens). Sessions only. */
export type ApiTokenScope = "read" | "write";

export interface ApiToken {
  id: string;
  name: string;
  scope: ApiTokenScope;
  /** The first characters of the token, to recognise it; never the token itself. */
  prefix: string;
  status: "active" | "expired" | "revoked";
  createdAt: string;
  expiresAt: string;
  lastUsedAt: string | null;
  lastUsedIp: string | null;
  revokedAt: string | null;
}

export interface ApiTokenPage {
  items: ApiToken[];
  total: number;
  page: number;
  pageSize: number;
}

export interface CreateApiTokenInput {
  name: string;
  scope: ApiTokenScope;
  expiresInDays: number;
}

/** The secret comes back this once. */
export interface CreatedApiToken {
  apiToken: ApiToken;
  token: string;
}

export function fetchApiTokens(page: number, pageSize: number, signal?: AbortSignal): Promise<ApiTokenPage> {
  return apiRequest(`/me/api-tokens?page=${page}&pageSize=${pageSize}`, { signal });
}

export function createApiToken(input: CreateApiTokenInput): Promise<CreatedApiToken> {
  return apiRequest("/me/api-tokens", { method: "POST", body: input });
}

export function revokeApiToken(id: string): Promise<ApiToken> {
  return apiRequest(`/me/api-tokens/${encodeURIComponent(id)}/revoke`, { method: "POST" });
}
