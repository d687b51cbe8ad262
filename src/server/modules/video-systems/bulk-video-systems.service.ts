import { randomUUID } from "node:crypto";
import {
  type VideoSystemCsvContext,
  type VideoSystemCsvPreview,
  videoSystemCsvPreview,
  videoSystemCsvRows,
} from "../../../domain/video-systems-csv.js";
import type { Db } from "../../db/client.js";
import { ConflictError, LicenceLimitError, ValidationError } from "../../errors.js";
import { newToken } from "../../lib/tokens.js";
import { claimVideoAddresses, findTakenVideoAddresses } from "../addresses/addresses.repository.js";
import { recordAudit, recordAudits } from "../audit/audit.js";
import type { AccountActor } from "../auth/actor.js";
import { type CompanyRow, lockCompany } from "../companies/companies.repository.js";
import { companyForAdmin } from "../companies/company-access.policy.js";
import { loadVideoDomains } from "../companies/company-dto.js";
import { readVideoSystemCsv, type VideoSystemCsvFile } from "./bulk-video-systems-csv.js";
import { findSubscribedAddresses, findTakenSerials, insertVideoSystems } from "./video-systems.repository.js";
import { ADDRESS_OWNER, assertPartnerSide, subscriptionsOf } from "./video-systems.service.js";

export const NOTHING_TO_CREATE =
  "No row of this file can be created. Fix the rows with problems and upload it again.";
export const ADDRESSES_TAKEN_MEANWHILE =
  "Some of these addresses were taken a moment ago. Nothing was created; check the preview again.";

export const previewChanged = (now: number, expected: number) =>
  `The file now gives ${now.toLocaleString("en")} video systems to create, not ${expected.toLocaleString("en")}: something changed since the preview. Nothing was created; check the preview again.`;

export const subscriptionsShort = (preview: VideoSystemCsvPreview) =>
  `${preview.validCount.toLocaleString("en")} video systems can be created but only ${preview.subscriptionsRemaining.toLocaleString("en")} endpoint subscriptions remain: ${preview.subscriptionsMissing.toLocaleString("en")} more are needed. Nothing was created; remove rows or raise the company's endpoint subscriptions.`;

/**
 * Bulk endpoint subscriptions from a `username,video_domain,display_name[,serial_number]` file,
 * partner side only: the preview (every row with its problems, checked against the whole
 * service) and the create — every valid row in one transaction, or none.
 */
export class BulkVideoSystemsService {
  constructor(private readonly deps: { db: Db }) {}

  async preview(actor: AccountActor, companyId: string, bytes: Uint8Array): Promise<VideoSystemCsvPreview> {
    const company = await companyForAdmin(this.deps.db, actor, companyId);
    await assertPartnerSide(this.deps.db, actor, company, "add");
    const { remaining } = await subscriptionsOf(this.deps.db, company);
    return previewAgainstService(this.deps.db, company, readVideoSystemCsv(bytes), remaining);
  }

  /**
   * Creates every valid row under the company lock, after checking the file again there:
   * nothing is created when the file cannot be used, no row is valid, the subscriptions do not
   * suffice, or `expected` (the count the partner confirmed) no longer matches.
   */
  async create(actor: AccountActor, companyId: string, bytes: Uint8Array, expected?: number) {
    const { db } = this.deps;
    const company = await companyForAdmin(db, actor, companyId);
    await assertPartnerSide(db, actor, company, "add");
    const file = readVideoSystemCsv(bytes);
    if ("problem" in file) throw new ValidationError({ file: file.problem }, file.problem);
    const result = await db.transaction(async (tx) => {
      const locked = await lockCompany(tx, company.id);
      const { remaining } = await subscriptionsOf(tx, locked);
      const preview = await previewAgainstService(tx, locked, file, remaining);
      if (preview.validCount === 0) throw new ValidationError({ file: NOTHING_TO_CREATE }, NOTHING_TO_CREATE);
      if (expected !== undefined && expected !== preview.validCount) {
        throw new ConflictError(previewChanged(preview.validCount, expected));
      }
      if (preview.subscriptionsMissing > 0) throw new LicenceLimitError(subscriptionsShort(preview));
      const systems = preview.rows
        .filter((row) => row.problems.length === 0)
        .map((row) => ({
          id: randomUUID(),
          companyId: company.id,
          name: row.displayName,
          address: row.videoAddress,
          serialNumber: row.serialNumber,
          twinnedAccountId: null,
          connectToken: newToken(),
        }));
      await claimVideoAddresses(
        tx,
        systems.map((s) => ({
          address: s.address,
          companyId: company.id,
          ownerType: ADDRESS_OWNER,
          ownerId: s.id,
        })),
        ADDRESSES_TAKEN_MEANWHILE,
      );
      await insertVideoSystems(tx, systems);
      await recordAudits(
        tx,
        actor,
        systems.map((s) => ({
          action: "video_system.created",
          target: { type: "video_system", id: s.id },
          companyId: company.id,
          after: { name: s.name, videoAddress: s.address, serialNumber: s.serialNumber, bulk: true },
        })),
      );
      await recordAudit(tx, actor, {
        action: "video_systems.bulk_created",
        target: { type: "company", id: company.id },
        companyId: company.id,
        after: { created: systems.length, skipped: preview.invalidCount },
      });
      return { created: systems.length, skipped: preview.invalidCount };
    });
    return { ...result, endpointSubscriptions: await subscriptionsOf(db, company) };
  }
}

/**
 * The preview of a read file for this company: the rows are read once without the service to
 * learn which addresses and serials they name, then again knowing which are taken — three
 * lookups for the whole file instead of several per row.
 */
async function previewAgainstService(
  db: Db,
  company: CompanyRow,
  file: VideoSystemCsvFile,
  remaining: number,
): Promise<VideoSystemCsvPreview> {
  if ("problem" in file) return videoSystemCsvPreview([], remaining, [file.problem]);
  const domains = await loadVideoDomains(db, company);
  const context: VideoSystemCsvContext = {
    domains: domains.videoDomains,
    hostedDomains: domains.hostedDomains,
    addressStatus: () => null,
    isSerialTaken: () => false,
  };
  const draft = videoSystemCsvRows(file.records, file.columns, context);
  const addresses = draft.map((row) => row.videoAddress).filter(Boolean);
  const serials = draft.flatMap((row) => (row.serialNumber ? [row.serialNumber] : []));
  const [subscribed, taken, takenSerials] = await Promise.all([
    findSubscribedAddresses(db, addresses),
    findTakenVideoAddresses(db, addresses),
    findTakenSerials(db, serials),
  ]);
  const rows = videoSystemCsvRows(file.records, file.columns, {
    ...context,
    addressStatus: (address) =>
      subscribed.has(address) ? "subscribed" : taken.has(address) ? "taken" : null,
    isSerialTaken: (serial) => takenSerials.has(serial),
  });
  return videoSystemCsvPreview(rows, remaining);
}
