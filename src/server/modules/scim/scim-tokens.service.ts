import type { Db } from "../../db/client.js";
import { ConflictError, NotFoundError } from "../../errors.js";
import { hashToken, newToken } from "../../lib/tokens.js";
import { recordAudit } from "../audit/audit.js";
import type { AccountActor } from "../auth/actor.js";
import { companyForAdmin } from "../companies/company-access.policy.js";
import {
  countLiveScimTokens,
  insertScimToken,
  listScimTokens,
  revokeScimToken,
  type ScimTokenRow,
} from "./scim-tokens.repository.js";
import type { CreateScimTokenInput } from "./scim-tokens.schemas.js";

/**
 * A company's SCIM bearer tokens, managed by its admins (and its partner's admins or operators
 * acting for it): one per identity provider connection, shown once when created (`scim_` + 256
 * random bits), stored as a keyed hash, revocable, with the time it was last used. A company
 * has at most MAX_LIVE_TOKENS live tokens.
 */
export const MAX_LIVE_TOKENS = 10;
export const TOKEN_PREFIX = "scim_";
const SHOWN_PREFIX_LENGTH = TOKEN_PREFIX.length + 6;
export const SCIM_TOKEN_NOT_FOUND = "This SCIM token does not exist or is already revoked.";

export function toScimTokenDto(row: ScimTokenRow) {
  return {
    id: row.id,
    name: row.name,
    prefix: row.prefix,
    createdAt: row.createdAt.toISOString(),
    lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
    revokedAt: row.revokedAt?.toISOString() ?? null,
  };
}

export class ScimTokensService {
  constructor(private readonly deps: { db: Db; sessionSecret: string; publicUrl: string }) {}

  get scimBaseUrl(): string {
    return `${this.deps.publicUrl.replace(/\/+$/, "")}/scim/v2`;
  }

  async list(actor: AccountActor, companyId: string) {
    const company = await companyForAdmin(this.deps.db, actor, companyId);
    const rows = await listScimTokens(this.deps.db, company.id);
    return { scimBaseUrl: this.scimBaseUrl, items: rows.map(toScimTokenDto) };
  }

  async create(actor: AccountActor, companyId: string, input: CreateScimTokenInput) {
    const company = await companyForAdmin(this.deps.db, actor, companyId);
    const secret = `${TOKEN_PREFIX}${newToken()}`;
    const row = await this.deps.db.transaction(async (tx) => {
      if ((await countLiveScimTokens(tx, company.id)) >= MAX_LIVE_TOKENS) {
        throw new ConflictError(`A company has at most ${MAX_LIVE_TOKENS} SCIM tokens. Revoke one first.`);
      }
      const created = await insertScimToken(tx, {
        companyId: company.id,
        name: input.name,
        tokenHash: hashToken(this.deps.sessionSecret, secret),
        prefix: secret.slice(0, SHOWN_PREFIX_LENGTH),
        createdByAccountId: actor.accountId,
      });
      await recordAudit(tx, actor, {
        action: "scim_token.created",
        target: { type: "scim_token", id: created.id },
        companyId: company.id,
        after: { name: created.name, prefix: created.prefix },
      });
      return created;
    });
    return { token: toScimTokenDto(row), secret, scimBaseUrl: this.scimBaseUrl };
  }

  async revoke(actor: AccountActor, companyId: string, tokenId: string) {
    const company = await companyForAdmin(this.deps.db, actor, companyId);
    const row = await this.deps.db.transaction(async (tx) => {
      const revoked = await revokeScimToken(tx, company.id, tokenId);
      if (!revoked) throw new NotFoundError(SCIM_TOKEN_NOT_FOUND);
      await recordAudit(tx, actor, {
        action: "scim_token.revoked",
        target: { type: "scim_token", id: revoked.id },
        companyId: company.id,
        before: { name: revoked.name, prefix: revoked.prefix },
      });
      return revoked;
    });
    return toScimTokenDto(row);
  }
}
