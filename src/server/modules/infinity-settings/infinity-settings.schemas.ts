import { z } from "zod";
import {
  apiUrlProblem,
  credentialPasswordProblem,
  credentialUsernameProblem,
  normaliseApiUrl,
  normaliseCredentialUsername,
} from "../../../domain/infinity-settings.js";
import { normaliseDomain } from "../../../domain/service-settings.js";
import { ruled, searchText } from "../../lib/http-schemas.js";

const username = ruled(normaliseCredentialUsername, credentialUsernameProblem);
/** Never trimmed: a password is what was typed. */
const password = z.string().superRefine((value, ctx) => {
  const message = credentialPasswordProblem(value);
  if (message) ctx.addIssue({ code: "custom", message });
});

/** A username and, when it changes (or none is set yet), a password; null clears the pair. */
const credentialsInput = z.strictObject({ username, password: password.optional() }).nullable().optional();

export const infinitySettingsBody = z.strictObject({
  policy: credentialsInput,
  eventSink: credentialsInput,
  managementApi: z
    .strictObject({ url: ruled(normaliseApiUrl, apiUrlProblem), username, password: password.optional() })
    .nullable()
    .optional(),
  rejectUnknownInOurDomains: z.boolean().optional(),
  /** Empty or null: the service's primary domain. */
  defaultDomain: z
    .string()
    .max(300, "Too long.")
    .transform((value) => normaliseDomain(value) || null)
    .nullable()
    .optional(),
});
export type InfinitySettingsInput = z.infer<typeof infinitySettingsBody>;

const envVars = z
  .array(z.string())
  .nullable()
  .describe("The environment variables that set these values (they win over the saved ones), or null");

const credentialsView = z.object({
  username: z.string().nullable(),
  passwordSet: z.boolean(),
  setBy: envVars,
});

export const infinitySettingsResponse = z
  .object({
    policy: credentialsView,
    eventSink: credentialsView,
    managementApi: credentialsView.extend({ url: z.string().nullable() }),
    rejectUnknownInOurDomains: z.boolean(),
    defaultDomain: z.string().nullable(),
    /** The domain bare local parts are looked up in: the setting, else the service's primary domain. */
    effectiveDefaultDomain: z.string().nullable(),
    serviceDomains: z.array(z.string()),
    updatedAt: z.string().nullable(),
    summary: z.object({
      policyProfileUrl: z.string(),
      policyUsername: z.string().nullable(),
      requestTypes: z.object({ enable: z.array(z.string()), leaveToInfinity: z.array(z.string()) }),
      eventSinkUrl: z.string(),
      eventSinkUsername: z.string().nullable(),
      /** Everything above as text for the Infinity administrator. */
      text: z.string(),
    }),
  })
  .meta({ id: "InfinitySettings" });

export const policyRequestsQuery = z.strictObject({
  q: searchText,
  limit: z.coerce
    .number()
    .int("Enter a whole number.")
    .min(1, "Use 1 to 500.")
    .max(500, "Use 1 to 500.")
    .default(100),
});

export const policyRequestsResponse = z
  .object({
    entries: z.array(
      z.object({
        id: z.number(),
        at: z.string(),
        path: z.string(),
        query: z.string(),
        status: z.number(),
        answer: z.unknown(),
        durationMs: z.number(),
      }),
    ),
    capacity: z.number(),
    instance: z.string(),
  })
  .meta({ id: "PolicyRequests" });
