import { z } from "zod";
import { id, listOf, pagination } from "../../lib/http-schemas.js";
import { MAX_EXPIRY_DAYS, NAME_MAX_LENGTH } from "./api-tokens.policy.js";

export const tokenScope = z.enum(["read", "write"], { error: "Choose read or write." });

export const tokenParams = z.strictObject({ tokenId: id });

export const tokenListQuery = z.strictObject({ ...pagination });
export type TokenListInput = z.infer<typeof tokenListQuery>;

export const createTokenBody = z.strictObject({
  name: z
    .string()
    .trim()
    .min(1, "Required.")
    .max(NAME_MAX_LENGTH, `Use at most ${NAME_MAX_LENGTH} characters.`),
  scope: tokenScope,
  /** How long the token works, from now: 1–365 days. */
  expiresInDays: z
    .number("Expected a number of days.")
    .int("Use a whole number of days.")
    .min(1, "Use at least 1 day.")
    .max(MAX_EXPIRY_DAYS, `A token works for at most ${MAX_EXPIRY_DAYS} days.`),
});
export type CreateTokenInput = z.infer<typeof createTokenBody>;

export const apiToken = z
  .object({
    id: z.string(),
    name: z.string(),
    scope: tokenScope,
    /** The first characters of the token, to recognise it; never the token itself. */
    prefix: z.string(),
    status: z.enum(["active", "expired", "revoked"]),
    createdAt: z.string(),
    expiresAt: z.string(),
    lastUsedAt: z.string().nullable(),
    lastUsedIp: z.string().nullable(),
    revokedAt: z.string().nullable(),
  })
  .meta({ id: "ApiToken" });
export type ApiTokenDto = z.infer<typeof apiToken>;

export const tokenListResponse = listOf(apiToken);

export const createTokenResponse = z.object({
  apiToken,
  /** The secret, shown this once: send it as `Authorization: Bearer <token>`. */
  token: z.string(),
});
