import type { FastifyRequest } from "fastify";
import type { BasicCredentials } from "../../config.js";
import { UnauthenticatedError } from "../../errors.js";
import type { PolicySettingsSource } from "./policy-settings.js";

/**
 * Infinity's policy profile may send HTTP basic auth. When policy credentials are configured
 * (operator settings "Pexip Infinity", or POLICY_USERNAME/POLICY_PASSWORD) every /policy/v1
 * request must carry them; without them the policy API is open (as Infinity's own default is),
 * for deployments that fence it off by network. These credentials open nothing else.
 */
export function policyAuthHook(settings: PolicySettingsSource) {
  return async (request: FastifyRequest): Promise<void> => {
    const { policyAuth } = await settings.current();
    if (!policyAuth) return;
    const given = parseBasic(request.headers.authorization);
    if (given && policyAuth(given.username, given.password)) return;
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
