import type { Db } from "../../db/client.js";
import { ConflictError, ForbiddenError, NotFoundError, UnauthenticatedError } from "../../errors.js";
import { hashToken } from "../../lib/tokens.js";
import { recordAudit } from "../audit/audit.js";
import type { AccountActor } from "../auth/actor.js";
import {
  MAX_LIVE_TOKENS,
  mayOwnTokens,
  NAME_MAX_LENGTH,
  newApiToken,
  tokenStatus,
} from "./api-tokens.policy.js";
import {
  type ApiTokenRow,
  findLiveTokenNames,
  insertToken,
  listAccountTokens,
  lockAccount,
  lockAccountToken,
  revokeToken,
} from "./api-tokens.repository.js";
import type { ApiTokenDto, CreateTokenInput, TokenListInput } from "./api-tokens.schemas.js";

export const TOKEN_NOT_FOUND = "This API token does not exist.";
export const NOT_TOKEN_OWNER = "Only company administrators and partner administrators can have API tokens.";
const DAY_MS = 24 * 60 * 60 * 1000;

/** Creating, listing and revoking the signed-in account's own API tokens (see api-tokens.policy.ts). */
export class ApiTokensService {
  constructor(private readonly deps: { db: Db; sessionSecret: string }) {}

  async list(actor: AccountActor, page: TokenListInput) {
    assertMayOwnTokens(actor);
    const { items, total } = await listAccountTokens(this.deps.db, actor.accountId, page);
    const now = new Date();
    return { items: items.map((row) => toApiTokenDto(row, now)), total, ...page };
  }

  /** The answer carries the secret; it is never stored or shown again. */
  async create(
    actor: AccountActor,
    input: CreateTokenInput,
  ): Promise<{ apiToken: ApiTokenDto; token: string }> {
    assertMayOwnTokens(actor);
    const now = new Date();
    return this.deps.db.transaction(async (tx) => {
      if (!(await lockAccount(tx, actor.accountId))) throw new UnauthenticatedError();
      const live = await findLiveTokenNames(tx, actor.accountId, now);
      const wanted = input.name.toLowerCase();
      if (live.some((name) => name.toLowerCase() === wanted)) {
        throw new ConflictError("You already have a live token with this name. Choose another name.", {
          name: "You already have a live token with this name.",
        });
      }
      if (live.length >= MAX_LIVE_TOKENS) {
        throw new ConflictError(
          `You already have ${MAX_LIVE_TOKENS} live tokens, the most an account may have. Revoke one you no longer use first.`,
        );
      }
      const { token, prefix } = newApiToken();
      const row = await insertToken(tx, {
        accountId: actor.accountId,
        companyId: actor.kind === "member" ? actor.companyId : null,
        partnerId: actor.kind === "partner_admin" ? actor.partnerId : null,
        name: input.name.slice(0, NAME_MAX_LENGTH),
        scope: input.scope,
        tokenHash: hashToken(this.deps.sessionSecret, token),
        prefix,
        createdAt: now,
        expiresAt: new Date(now.getTime() + input.expiresInDays * DAY_MS),
      });
      await recordAudit(tx, actor, {
        action: "api_token.created",
        target: { type: "api_token", id: row.id },
        companyId: row.companyId,
        after: auditView(row),
      });
      return { apiToken: toApiTokenDto(row, now), token };
    });
  }

  /** Revoking works at once: the next request with the token is refused. */
  async revoke(actor: AccountActor, tokenId: string): Promise<ApiTokenDto> {
    assertMayOwnTokens(actor);
    const now = new Date();
    return this.deps.db.transaction(async (tx) => {
      const token = await lockAccountToken(tx, actor.accountId, tokenId);
      if (!token) throw new NotFoundError(TOKEN_NOT_FOUND);
      if (token.revokedAt) throw new ConflictError("This token was already revoked.");
      const revoked = await revokeToken(tx, token.id, now);
      await recordAudit(tx, actor, {
        action: "api_token.revoked",
        target: { type: "api_token", id: token.id },
        companyId: token.companyId,
        before: { status: tokenStatus(token, now) },
        after: { ...auditView(revoked), status: "revoked" },
      });
      return toApiTokenDto(revoked, now);
    });
  }
}

export function assertMayOwnTokens(actor: AccountActor): void {
  if (!mayOwnTokens(actor)) throw new ForbiddenError(NOT_TOKEN_OWNER);
}

/** What admins see of a token in the audit log: never the hash, never the secret. */
export function auditView(row: ApiTokenRow) {
  return { name: row.name, scope: row.scope, prefix: row.prefix, expiresAt: row.expiresAt.toISOString() };
}

export function toApiTokenDto(row: ApiTokenRow, now: Date): ApiTokenDto {
  return {
    id: row.id,
    name: row.name,
    scope: row.scope,
    prefix: row.prefix,
    status: tokenStatus(row, now),
    createdAt: row.createdAt.toISOString(),
    expiresAt: row.expiresAt.toISOString(),
    lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
    lastUsedIp: row.lastUsedIp,
    revokedAt: row.revokedAt?.toISOString() ?? null,
  };
}
