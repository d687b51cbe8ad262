import { describe, expect, it } from "vitest";
import {
  bearerCredential,
  isSessionOnlyRoute,
  mayOwnTokens,
  newApiToken,
  ownerStillEligible,
  scopeAllows,
  tokenPrefix,
  tokenStatus,
} from "./api-tokens.policy.js";

describe("API token rules", () => {
  it("makes distinct tokens whose prefix is recognised, and rejects anything not shaped like one", () => {
    const one = newApiToken();
    const two = newApiToken();
    expect(one.token).not.toBe(two.token);
    expect(one.token).toMatch(/^cfo_[A-Za-z0-9_-]{43}$/);
    expect(tokenPrefix(one.token)).toBe(one.prefix);
    expect(one.prefix).toHaveLength(12);
    for (const bad of [
      "",
      "cfo_",
      `cfo_${"a".repeat(42)}`,
      `cfo_${"a".repeat(44)}`,
      `xyz_${"a".repeat(43)}`,
      `cfo_${"a".repeat(42)}!`,
    ]) {
      expect(tokenPrefix(bad), bad).toBeNull();
    }
  });

  it("reads the credential of a Bearer header only", () => {
    expect(bearerCredential("Bearer abc")).toBe("abc");
    expect(bearerCredential("bearer  abc ")).toBe("abc");
    expect(bearerCredential("Bearer")).toBeNull();
    expect(bearerCredential("Bearer a b")).toBeNull();
    expect(bearerCredential("Basic abc")).toBeNull();
  });

  it("lets company admins and partner admins own tokens, while active", () => {
    expect(mayOwnTokens({ kind: "member", role: "admin" })).toBe(true);
    expect(mayOwnTokens({ kind: "partner_admin", role: null })).toBe(true);
    expect(mayOwnTokens({ kind: "member", role: "member" })).toBe(false);
    expect(mayOwnTokens({ kind: "operator", role: null })).toBe(false);
    expect(ownerStillEligible({ kind: "member", role: "admin", status: "suspended" })).toBe(false);
    expect(ownerStillEligible({ kind: "member", role: "admin", status: "active" })).toBe(true);
  });

  it("lets read tokens only read", () => {
    expect(scopeAllows("read", "GET")).toBe(true);
    expect(scopeAllows("read", "HEAD")).toBe(true);
    for (const method of ["POST", "PUT", "PATCH", "DELETE", "OPTIONS"])
      expect(scopeAllows("read", method)).toBe(false);
    expect(scopeAllows("write", "DELETE")).toBe(true);
  });

  it("keeps credentials and identity settings for sessions", () => {
    for (const route of [
      "/api/v1/me/api-tokens",
      "/api/v1/me/api-tokens/:tokenId/revoke",
      "/api/v1/me/password",
      "/api/v1/me/two-factor/disable",
      "/api/v1/auth/login",
      "/api/v1/setup",
      "/api/v1/invitations/:token/accept",
      "/api/v1/companies/:companyId/scim-tokens",
      "/api/v1/companies/:companyId/sso",
    ]) {
      expect(isSessionOnlyRoute(route), route).toBe(true);
    }
    for (const route of [
      "/api/v1/me",
      "/api/v1/me/profile",
      "/api/v1/companies/:companyId/members",
      undefined,
    ]) {
      expect(isSessionOnlyRoute(route), String(route)).toBe(false);
    }
  });

  it("tells active, expired and revoked apart", () => {
    const now = new Date("2026-01-01T00:00:00Z");
    expect(tokenStatus({ expiresAt: new Date("2026-01-02T00:00:00Z"), revokedAt: null }, now)).toBe("active");
    expect(tokenStatus({ expiresAt: now, revokedAt: null }, now)).toBe("expired");
    expect(tokenStatus({ expiresAt: new Date("2026-01-02T00:00:00Z"), revokedAt: now }, now)).toBe("revoked");
  });
});
