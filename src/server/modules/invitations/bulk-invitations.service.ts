import type { BulkInviteContext, BulkInvitePreview } from "../../../domain/bulk-invite.js";
import { bulkInviteRows } from "../../../domain/bulk-invite.js";
import type { Db } from "../../db/client.js";
import { ConflictError, LicenceLimitError, ValidationError } from "../../errors.js";
import { findTakenVideoAddresses } from "../addresses/addresses.repository.js";
import { recordAudit } from "../audit/audit.js";
import { findTakenEmails } from "../auth/accounts.repository.js";
import type { AccountActor } from "../auth/actor.js";
import { type CompanyRow, companyUsage, lockCompany } from "../companies/companies.repository.js";
import { companyForAdmin } from "../companies/company-access.policy.js";
import { loadVideoDomains } from "../companies/company-dto.js";
import { companyLicences } from "../members/members.service.js";
import { findService } from "../setup/service.repository.js";
import {
  type BulkInviteFile,
  previewBulkInviteFile,
  problemsCsv,
  readBulkInviteFile,
} from "./bulk-invite-csv.js";
import { inviteMembersInBulk } from "./bulk-invite-writer.js";
import type { InvitationLinks } from "./invitations.service.js";

export const NOBODY_TO_INVITE =
  "No row of this file can be invited. Fix the rows with problems and upload it again.";

export const previewChanged = (now: number, expected: number) =>
  `The file now gives ${now.toLocaleString("en")} people to invite, not ${expected.toLocaleString("en")}: something changed since the preview. Nobody was invited; check the preview again.`;

export const licencesShort = (preview: BulkInvitePreview) =>
  `${preview.validCount.toLocaleString("en")} people can be invited but only ${preview.licencesRemaining.toLocaleString("en")} licences remain: ${preview.licencesMissing.toLocaleString("en")} more are needed. Nobody was invited; remove rows or ask your partner for more licences.`;

/**
 * Bulk invite from a `Full name;email;video address` file: the preview (every row with its
 * problems, checked against the whole service), the problems as a CSV to download, and the
 * invite itself — all rows or none, always as role Member.
 */
export class BulkInvitationsService {
  constructor(private readonly deps: { db: Db } & InvitationLinks) {}

  async preview(actor: AccountActor, companyId: string, bytes: Uint8Array): Promise<BulkInvitePreview> {
    const company = await companyForAdmin(this.deps.db, actor, companyId);
    const { remaining } = await companyLicences(this.deps.db, company);
    return previewAgainstService(this.deps.db, company, readBulkInviteFile(bytes), remaining);
  }

  async problemsCsv(actor: AccountActor, companyId: string, bytes: Uint8Array): Promise<string> {
    return problemsCsv(await this.preview(actor, companyId, bytes));
  }

  /**
   * Invites every valid row in one transaction under the company lock, after checking the
   * file again there: nothing is invited when the file cannot be used, when no row is valid,
   * when the licences do not suffice, or when `expected` (the count the admin confirmed) no
   * longer matches. Rows with problems are skipped and counted.
   */
  async invite(actor: AccountActor, companyId: string, bytes: Uint8Array, expected?: number) {
    const company = await companyForAdmin(this.deps.db, actor, companyId);
    const file = readBulkInviteFile(bytes);
    if ("problem" in file) throw new ValidationError({ file: file.problem }, file.problem);
    const service = await findService(this.deps.db);

    const result = await this.deps.db.transaction(async (tx) => {
      const locked = await lockCompany(tx, company.id);
      const used = (await companyUsage(tx, [company.id])).get(company.id)?.licencesUsed ?? 0;
      const preview = await previewAgainstService(tx, locked, file, locked.licences - used);
      if (preview.validCount === 0) throw new ValidationError({ file: NOBODY_TO_INVITE }, NOBODY_TO_INVITE);
      if (expected !== undefined && expected !== preview.validCount) {
        throw new ConflictError(previewChanged(preview.validCount, expected));
      }
      if (preview.licencesMissing > 0) throw new LicenceLimitError(licencesShort(preview));

      const valid = preview.rows.filter((row) => row.problems.length === 0);
      await inviteMembersInBulk(tx, actor, this.deps, {
        company: locked,
        rows: valid,
        serviceName: service?.name ?? "Confero",
      });
      await recordAudit(tx, actor, {
        action: "invitations.bulk_invited",
        target: { type: "company", id: company.id },
        companyId: company.id,
        after: { invited: valid.length, skipped: preview.invalidCount },
      });
      return { invited: valid.length, skipped: preview.invalidCount };
    });
    return { ...result, licences: await companyLicences(this.deps.db, company) };
  }
}

/**
 * The preview of a read file for this company: the rows are first read without the service,
 * to learn which emails and addresses they name, then again knowing which of those are taken —
 * two lookups for the whole file instead of two per row.
 */
async function previewAgainstService(
  db: Db,
  company: CompanyRow,
  file: BulkInviteFile,
  licencesRemaining: number,
): Promise<BulkInvitePreview> {
  const domains = await loadVideoDomains(db, company);
  const context: BulkInviteContext = {
    videoDomains: domains.videoDomains,
    hostedDomains: domains.hostedDomains,
    vmrSuffix: company.vmrSuffix,
    licencesRemaining,
    isAddressTaken: () => false,
    isEmailTaken: () => false,
  };
  if ("problem" in file) return previewBulkInviteFile(file, context);
  const draft = bulkInviteRows(file.records, context);
  const [takenAddresses, takenEmails] = await Promise.all([
    findTakenVideoAddresses(
      db,
      draft.flatMap((row) => [row.videoAddress, row.personalRoomAddress ?? ""]).filter(Boolean),
    ),
    findTakenEmails(db, draft.map((row) => row.email).filter(Boolean)),
  ]);
  return previewBulkInviteFile(file, {
    ...context,
    isAddressTaken: (address) => takenAddresses.has(address),
    isEmailTaken: (email) => takenEmails.has(email),
  });
}
