import {
  apiUrlProblem,
  credentialPasswordProblem,
  credentialUsernameProblem,
  normaliseApiUrl,
  normaliseCredentialUsername,
} from "../../../domain/infinity-settings";
import { domainProblem, normaliseDomain } from "../../../domain/service-settings";
import type { CredentialsView, InfinitySettings, InfinitySettingsInput } from "./api";

/** The form's fields, named like the API body's paths so the server's field problems land on them. */
export interface InfinityFormValues {
  policy: { username: string; password: string };
  eventSink: { username: string; password: string };
  managementApi: { url: string; username: string; password: string };
  rejectUnknownInOurDomains: boolean;
  defaultDomain: string;
}

export type CredentialSection = "policy" | "eventSink" | "managementApi";

/** Passwords start empty: empty means "keep the saved one". */
export function formValues(settings: InfinitySettings): InfinityFormValues {
  return {
    policy: { username: settings.policy.username ?? "", password: "" },
    eventSink: { username: settings.eventSink.username ?? "", password: "" },
    managementApi: {
      url: settings.managementApi.url ?? "",
      username: settings.managementApi.username ?? "",
      password: "",
    },
    rejectUnknownInOurDomains: settings.rejectUnknownInOurDomains,
    defaultDomain: settings.defaultDomain ?? "",
  };
}

function pairTouched(saved: CredentialsView, typed: { username: string; password: string }): boolean {
  return (
    saved.setBy === null &&
    (normaliseCredentialUsername(typed.username) !== (saved.username ?? "") || typed.password !== "")
  );
}

function apiTouched(settings: InfinitySettings, typed: InfinityFormValues["managementApi"]): boolean {
  return (
    pairTouched(settings.managementApi, typed) ||
    normaliseApiUrl(typed.url) !== (settings.managementApi.url ?? "")
  );
}

/** What changed, as a PATCH body: untouched sections and env-fixed ones are left out. */
export function changesOf(settings: InfinitySettings, values: InfinityFormValues): InfinitySettingsInput {
  const input: InfinitySettingsInput = {};
  const pair = (typed: { username: string; password: string }) => ({
    username: normaliseCredentialUsername(typed.username),
    ...(typed.password ? { password: typed.password } : {}),
  });
  if (pairTouched(settings.policy, values.policy)) input.policy = pair(values.policy);
  if (pairTouched(settings.eventSink, values.eventSink)) input.eventSink = pair(values.eventSink);
  if (apiTouched(settings, values.managementApi)) {
    input.managementApi = { url: normaliseApiUrl(values.managementApi.url), ...pair(values.managementApi) };
  }
  if (values.rejectUnknownInOurDomains !== settings.rejectUnknownInOurDomains)
    input.rejectUnknownInOurDomains = values.rejectUnknownInOurDomains;
  const domain = normaliseDomain(values.defaultDomain) || null;
  if (domain !== settings.defaultDomain) input.defaultDomain = domain;
  return input;
}

/** The same rules the server applies, so most problems show before anything is sent. */
export function validateInfinityForm(
  settings: InfinitySettings,
  values: InfinityFormValues,
): Record<string, string | null> {
  const errors: Record<string, string | null> = {};
  const checkPair = (section: CredentialSection, saved: CredentialsView, touched: boolean) => {
    if (!touched) return;
    const typed = values[section];
    const username = normaliseCredentialUsername(typed.username);
    errors[`${section}.username`] =
      username === "" && saved.username
        ? "Enter a username, or remove the credentials."
        : credentialUsernameProblem(username);
    errors[`${section}.password`] = typed.password
      ? credentialPasswordProblem(typed.password)
      : saved.passwordSet
        ? null
        : "Enter a password.";
  };
  checkPair("policy", settings.policy, pairTouched(settings.policy, values.policy));
  checkPair("eventSink", settings.eventSink, pairTouched(settings.eventSink, values.eventSink));
  const apiChanged = apiTouched(settings, values.managementApi);
  checkPair("managementApi", settings.managementApi, apiChanged);
  if (apiChanged) errors["managementApi.url"] = apiUrlProblem(normaliseApiUrl(values.managementApi.url));
  if (values.eventSink.password && values.eventSink.password === values.policy.password) {
    errors["eventSink.password"] = "Use a different password from the policy API's.";
  }
  const domain = normaliseDomain(values.defaultDomain);
  errors.defaultDomain = domain ? domainProblem(domain) : null;
  return errors;
}

/** A random password for machine credentials: 24 letters and digits, without look-alikes (I, O, l, 0, 1). */
export function generatePassword(length = 24): string {
  const alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
  const bytes = crypto.getRandomValues(new Uint8Array(length * 2));
  let out = "";
  for (const byte of bytes) {
    // Rejection sampling keeps every character equally likely.
    if (byte < 256 - (256 % alphabet.length)) out += alphabet[byte % alphabet.length];
    if (out.length === length) break;
  }
  return out.length === length ? out : generatePassword(length);
}
