import type { Db } from "../../db/client.js";
import { UnauthenticatedError } from "../../errors.js";
import { hashToken } from "../../lib/tokens.js";
import type { SystemActor } from "../auth/actor.js";
import { findScimTokenByHash, touchScimToken } from "./scim-tokens.repository.js";
import type { ScimClient } from "./scim-users.service.js";

/**
 * Bearer authentication of SCIM clients: the token is looked up by its keyed hash, so it
 * resolves to exactly one company. Missing, unknown and revoked tokens are all 401 (with
 * `WWW-Authenticate: Bearer`); a revoked token's failure is audited in its company, an unknown
 * one's with no company (operators see it). A suspended company's token is refused as well.
 * "Last used" is recorded at most once a minute.
 */
export const LAST_USED_INTERVAL_MS = 60_000;

export const scimActor = (tokenName: string): SystemActor => ({
  type: "system",
  fullName: `SCIM client "${tokenName}"`,
});

export class ScimUnauthenticated extends UnauthenticatedError {
  constructor(
    message: string,
    readonly known?: { companyId: string; tokenId: string; tokenName: string },
  ) {
    super(message, "SCIM_UNAUTHENTICATED");
    this.headers["www-authenticate"] = 'Bearer realm="scim"';
  }
}

export async function authenticateScim(
  db: Db,
  sessionSecret: string,
  authorization: string | undefined,
): Promise<ScimClient> {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? "");
  if (!match?.[1])
    throw new ScimUnauthenticated("Send the company's SCIM token as Authorization: Bearer <token>.");
  const found = await findScimTokenByHash(db, hashToken(sessionSecret, match[1]));
  if (!found) throw new ScimUnauthenticated("This SCIM token is not valid.");
  const { token } = found;
  const known = { companyId: token.companyId, tokenId: token.id, tokenName: token.name };
  if (token.revokedAt) throw new ScimUnauthenticated("This SCIM token has been revoked.", known);
  if (found.companyStatus === "suspended") {
    throw new ScimUnauthenticated("The company's service is suspended.", known);
  }
  await touchScimToken(db, token.id, LAST_USED_INTERVAL_MS);
  return { companyId: token.companyId, tokenId: token.id, actor: scimActor(token.name) };
}
