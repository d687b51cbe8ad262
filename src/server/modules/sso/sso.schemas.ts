import { z } from "zod";
import { email, id } from "../../lib/http-schemas.js";
import {
  emailDomainProblem,
  issuerProblem,
  MAX_EMAIL_DOMAINS,
  normaliseEmailDomain,
  SSO_FAILURES,
} from "./sso.policy.js";

export const companyParams = z.strictObject({ companyId: id });

const issuer = z
  .string()
  .trim()
  .max(500, "Use at most 500 characters.")
  .superRefine((value, ctx) => {
    const problem = issuerProblem(value);
    if (problem) ctx.addIssue({ code: "custom", message: problem });
  });

const emailDomains = z
  .array(z.string().max(253, "Too long.").transform(normaliseEmailDomain))
  .min(1, "Add at least one email domain.")
  .max(MAX_EMAIL_DOMAINS, `Use at most ${MAX_EMAIL_DOMAINS} email domains.`)
  .superRefine((domains, ctx) => {
    const problems = domains.map(emailDomainProblem).filter((p): p is string => p !== null);
    if (problems[0]) ctx.addIssue({ code: "custom", message: problems[0] });
  })
  .transform((domains) => [...new Set(domains)]);

export const saveSsoBody = z
  .strictObject({
    issuer,
    clientId: z.string().trim().min(1, "Required.").max(255, "Use at most 255 characters."),
    /** Left out (or empty) keeps the secret already saved. */
    clientSecret: z.string().max(500, "Use at most 500 characters.").optional(),
    emailDomains,
    enabled: z.boolean(),
    required: z.boolean(),
    breakGlassAccountId: id.nullable().optional(),
  })
  .meta({ id: "SaveSingleSignOn" });
export type SaveSsoInput = z.infer<typeof saveSsoBody>;

export const discoveryTestBody = z.strictObject({ issuer }).meta({ id: "SingleSignOnDiscoveryTest" });

export const discoveryTestResponse = z
  .object({
    issuer: z.string(),
    authorizationEndpoint: z.string(),
    tokenEndpoint: z.string(),
    jwksUri: z.string(),
  })
  .meta({ id: "SingleSignOnDiscovery" });

export const ssoSettingsResponse = z
  .object({
    /** What to register at the identity provider as the redirect URI. */
    redirectUri: z.string(),
    /** Who may be the break-glass admin: the company's active admins. */
    admins: z.array(z.object({ id: z.string(), fullName: z.string(), email: z.string() })),
    settings: z
      .object({
        issuer: z.string(),
        clientId: z.string(),
        clientSecretSet: z.boolean(),
        emailDomains: z.array(z.string()),
        enabled: z.boolean(),
        required: z.boolean(),
        breakGlassAccountId: z.string().nullable(),
        updatedAt: z.string(),
      })
      .nullable(),
  })
  .meta({ id: "SingleSignOnSettings" });

export const discoverBody = z.strictObject({ email }).meta({ id: "SingleSignOnDiscover" });
export const discoverResponse = z
  .object({ sso: z.enum(["none", "available", "required"]) })
  .meta({ id: "SingleSignOnAvailability" });

export const startQuery = z.object({ email });

/** The provider's answer; anything malformed is a failed sign-in, not a 400 page. */
export const callbackQuery = z.object({
  code: z.string().optional(),
  state: z.string().optional(),
  error: z.string().optional(),
  error_description: z.string().optional(),
  iss: z.string().optional(),
});

export const ssoFailure = z.enum(SSO_FAILURES);
