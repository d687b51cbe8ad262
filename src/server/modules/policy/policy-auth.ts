import { timingSafeEqual } from "node:crypto";
import type { FastifyRequest } from "fastify";
import type { BasicCredentials } from "../../config.js";
import { UnauthenticatedError } from "../../errors.js";
import type { CredentialCheck, PolicySettingsSource } from "./policy-settings.js";

/**
 * Infinity's policy profile may send HTTP basic auth. When policy credentials are configured
 * (operator settings "Pexip Infinity", or POLICY_USERNAME/POLICY_PASSWORD) every /policy/v1
 * request must carry them; without them the policy API is open (as Infinity's own default is),
 * for deployments that fence it off by network. These credentials open nothing else.
 */
export function policyAuthHook(settings: PolicySettingsSource) {
  // Infinity sends the same Authorization header on every request: once one has passed the
  // (deliberately slow to compare) credential check, the exact same header passes again on a
  // constant-time comparison alone — until the settings change (a new check function).
  let accepted: { check: CredentialCheck; header: Buffer } | null = null;
  const allows = (check: CredentialCheck, header: string | undefined): boolean => {
    if (header === undefined) return false;
    const given = Buffer.from(header);
    if (accepted?.check === check && accepted.header.length === given.length)
      if (timingSafeEqual(accepted.header, given)) return true;
    const credentials = parseBasic(header);
    if (!credentials || !check(credentials.username, credentials.password)) return false;
    accepted = { check, header: given };
    return true;
  };
  return async (request: FastifyRequest): Promise<void> => {
    const { policyAuth } = await settings.current();
    if (!policyAuth || allows(policyAuth, request.headers.authorization)) return;
    const error = new UnauthenticatedError(
      "The policy API needs the username and password configured in Confero.",
    );
    error.headers["www-authenticate"] = 'Basic realm="Confero policy", charset="UTF-8"';
    throw error;
  };
}

export function parseBasic(header: string | undefined): BasicCredentials | null {
  const match = /^Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(header ?? "");
  if (!match?.[1]) return null;
  const decoded = Buffer.from(match[1], "base64").toString("utf8");
  const colon = decoded.indexOf(":");
  if (colon < 0) return null;
  return { username: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
}
