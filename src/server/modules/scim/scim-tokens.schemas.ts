import { z } from "zod";
import { id } from "../../lib/http-schemas.js";

export const companyParams = z.strictObject({ companyId: id });
export const tokenParams = z.strictObject({ companyId: id, tokenId: id });

export const createScimTokenBody = z.strictObject({
  /** Which identity provider connection uses it, e.g. "Entra ID" or "Okta". */
  name: z.string().trim().min(1, "Required.").max(100, "Use at most 100 characters."),
});
export type CreateScimTokenInput = z.infer<typeof createScimTokenBody>;

export const scimToken = z
  .object({
    id: z.string(),
    name: z.string(),
    prefix: z.string(),
    createdAt: z.string(),
    lastUsedAt: z.string().nullable(),
    revokedAt: z.string().nullable(),
  })
  .meta({ id: "ScimToken" });

export const scimTokenListResponse = z.object({
  /** What to paste into the identity provider as the SCIM base URL (tenant URL). */
  scimBaseUrl: z.string(),
  items: z.array(scimToken),
});

export const createScimTokenResponse = z.object({
  token: scimToken,
  /** The bearer token itself: shown this once, only its hash is stored. */
  secret: z.string(),
  scimBaseUrl: z.string(),
});
