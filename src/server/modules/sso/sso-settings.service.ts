import type { Db } from "../../db/client.js";
import { ConflictError, type FieldProblems, NotFoundError, ValidationError } from "../../errors.js";
import type { SecretBox } from "../../lib/secret-box.js";
import { recordAudit } from "../audit/audit.js";
import type { AccountActor } from "../auth/actor.js";
import { companyForAdmin } from "../companies/company-access.policy.js";
import { type OidcClients, OidcProblem, type ProviderSettings } from "./oidc-client.js";
import { redirectUriFor } from "./sso.policy.js";
import {
  type CompanySsoRow,
  deleteCompanySso,
  findActiveCompanyAdmins,
  findCompanySso,
  findDomainsTakenByOthers,
  lockSsoDomains,
  upsertCompanySso,
} from "./sso.repository.js";
import type { SaveSsoInput } from "./sso.schemas.js";

export const SSO_NOT_CONFIGURED = "This company has no single sign-on settings.";
export const BREAK_GLASS_NEEDED =
  "Choose a break-glass admin: when single sign-on is required, they alone keep signing in with a password (for when the identity provider is down).";
export const BREAK_GLASS_NOT_ADMIN = "The break-glass admin must be an active admin of this company.";
export const SECRET_NEEDED = "Enter the client secret your identity provider gave you for Confero.";

export interface SsoSettingsDeps {
  db: Db;
  publicUrl: string;
  oidc: OidcClients;
  /** SecretBox purpose "oidc-client-secret". */
  secrets: SecretBox;
}

/** What admins see and the audit log records: never the secret, only whether there is one. */
function describe(row: CompanySsoRow) {
  return {
    issuer: row.issuer,
    clientId: row.clientId,
    clientSecretSet: row.clientSecretSealed.length > 0,
    emailDomains: row.emailDomains,
    enabled: row.enabled,
    required: row.required,
    breakGlassAccountId: row.breakGlassAccountId,
    updatedAt: row.updatedAt.toISOString(),
  };
}

function auditView(row: CompanySsoRow | undefined) {
  if (!row) return null;
  const { updatedAt: _updatedAt, clientSecretSet: _set, ...rest } = describe(row);
  return rest;
}

/** A company's identity provider, as its admins (and its partner's admins or operators) set it up. */
export class SsoSettingsService {
  constructor(private readonly deps: SsoSettingsDeps) {}

  async get(actor: AccountActor, companyId: string) {
    const company = await companyForAdmin(this.deps.db, actor, companyId);
    const [row, admins] = await Promise.all([
      findCompanySso(this.deps.db, company.id),
      findActiveCompanyAdmins(this.deps.db, company.id),
    ]);
    return { redirectUri: redirectUriFor(this.deps.publicUrl), admins, settings: row ? describe(row) : null };
  }

  /** "Test discovery": fetches the issuer's discovery document, changes nothing. */
  async testDiscovery(actor: AccountActor, companyId: string, input: { issuer: string }) {
    await companyForAdmin(this.deps.db, actor, companyId);
    // Discovery needs no client; placeholders keep openid-client's configuration whole.
    return this.discover({ issuer: input.issuer, clientId: "discovery-test", clientSecret: "unused" });
  }

  async save(actor: AccountActor, companyId: string, input: SaveSsoInput) {
    const company = await companyForAdmin(this.deps.db, actor, companyId);
    const existing = await findCompanySso(this.deps.db, company.id);
    const problems: FieldProblems = {};

    const typedSecret = input.clientSecret?.trim() ? input.clientSecret : null;
    // A secret sealed under another session secret cannot be opened: it must be typed again.
    const secret = typedSecret ?? (existing ? this.deps.secrets.open(existing.clientSecretSealed) : null);
    if (!secret) problems.clientSecret = SECRET_NEEDED;

    const breakGlassAccountId = input.breakGlassAccountId ?? null;
    const admins = await findActiveCompanyAdmins(this.deps.db, company.id);
    if (breakGlassAccountId && !admins.some((admin) => admin.id === breakGlassAccountId))
      problems.breakGlassAccountId = BREAK_GLASS_NOT_ADMIN;
    else if (input.required && !breakGlassAccountId) problems.breakGlassAccountId = BREAK_GLASS_NEEDED;
    if (Object.keys(problems).length > 0 || !secret) throw new ValidationError(problems);

    // Over the network, so before the transaction: a provider that cannot be discovered is never saved.
    await this.discover({ issuer: input.issuer, clientId: input.clientId, clientSecret: secret });

    const saved = await this.deps.db.transaction(async (tx) => {
      await lockSsoDomains(tx);
      const taken = await findDomainsTakenByOthers(tx, company.id, input.emailDomains);
      if (taken.length > 0) {
        throw new ConflictError(
          `Another company signs in ${taken.join(", ")} through its own identity provider. An email domain can belong to one company's single sign-on only.`,
          { emailDomains: `Already used by another company: ${taken.join(", ")}.` },
        );
      }
      const row = await upsertCompanySso(tx, {
        companyId: company.id,
        issuer: input.issuer,
        clientId: input.clientId,
        clientSecretSealed:
          typedSecret || !existing ? this.deps.secrets.seal(secret) : existing.clientSecretSealed,
        emailDomains: input.emailDomains,
        enabled: input.enabled,
        required: input.required,
        breakGlassAccountId,
      });
      await recordAudit(tx, actor, {
        action: existing ? "sso.updated" : "sso.configured",
        target: { type: "company_sso", id: company.id },
        companyId: company.id,
        before: auditView(existing),
        after: { ...auditView(row), clientSecret: typedSecret ? "changed" : "unchanged" },
      });
      return row;
    });
    return { redirectUri: redirectUriFor(this.deps.publicUrl), admins, settings: describe(saved) };
  }

  /** Removes the identity provider: members sign in with passwords again. */
  async remove(actor: AccountActor, companyId: string): Promise<void> {
    const company = await companyForAdmin(this.deps.db, actor, companyId);
    await this.deps.db.transaction(async (tx) => {
      const removed = await deleteCompanySso(tx, company.id);
      if (!removed) throw new NotFoundError(SSO_NOT_CONFIGURED);
      await recordAudit(tx, actor, {
        action: "sso.removed",
        target: { type: "company_sso", id: company.id },
        companyId: company.id,
        before: auditView(removed),
      });
    });
  }

  private async discover(settings: ProviderSettings) {
    try {
      return await this.deps.oidc.check(settings);
    } catch (error) {
      if (!(error instanceof OidcProblem)) throw error;
      throw new ValidationError({ issuer: error.message }, "The identity provider could not be discovered.");
    }
  }
}
