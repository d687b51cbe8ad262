/**
 * Bulk invite rules (`Full name;email;video address`): what each row of an uploaded file means
 * and what is wrong with it, once the file is split into cells. Pure, so the preview, the
 * confirm step and any form say the same thing; reading the bytes is the server's part.
 */
import { emailProblem, normaliseEmail } from "./email.js";
import {
  type CompanyVideoDomains,
  normaliseVideoAddress,
  personalRoomAddress,
  videoAddressProblems,
} from "./video-address.js";

export const BULK_INVITE_COLUMNS = ["Full name", "email", "video address"] as const;
export const BULK_INVITE_MAX_ROWS = 20_000;
export const BULK_INVITE_MAX_BYTES = 5 * 1024 * 1024;
export const FULL_NAME_MAX_LENGTH = 200;

export interface BulkInviteContext {
  /** The company's video domains; the first is added to a bare name part. */
  videoDomains: readonly string[];
  hostedDomains: readonly string[];
  /** The company's personal VMR suffix, e.g. `.vmr`. */
  vmrSuffix: string;
  licencesRemaining: number;
  /** Whether a (normalised) address is already used anywhere in the service. */
  isAddressTaken: (address: string) => boolean;
  /** Whether a (normalised) email already belongs to an account. */
  isEmailTaken: (email: string) => boolean;
}

export type BulkInviteField = "row" | "fullName" | "email" | "videoAddress" | "personalRoomAddress";

export interface BulkInviteProblem {
  field: BulkInviteField;
  /** `columns`, `required`, `too_long`, `invalid`, `duplicate`, `taken` or a video-address rule. */
  rule: string;
  message: string;
}

export interface BulkInviteRow {
  /** 1-based line in the file where the row starts. */
  line: number;
  fullName: string;
  email: string;
  videoAddress: string;
  /** Derived from the video address, when that address is valid. */
  personalRoomAddress?: string;
  problems: BulkInviteProblem[];
}

export interface BulkInvitePreview {
  rows: BulkInviteRow[];
  validCount: number;
  invalidCount: number;
  fileProblems: string[];
  licencesRemaining: number;
  /** How many more licences inviting every valid row needs: max(0, validCount − licencesRemaining). */
  licencesMissing: number;
}

/** One row as split from the file: its line and its cells, untouched. */
export interface BulkInviteRecord {
  line: number;
  cells: readonly string[];
}

const squash = (cell: string) =>
  cell
    .trim()
    .toLowerCase()
    .replace(/[\s_-]+/g, "");
const NAME_HEADERS = new Set(["fullname", "name", "displayname"]);
const EMAIL_HEADERS = new Set(["email", "emailaddress", "mail"]);
const ADDRESS_HEADERS = new Set(["videoaddress", "address", "video", "username"]);

/** `Full name;email;video address` (or close: `Name;E-mail;Address`), in any case. */
export function isBulkInviteHeader(cells: readonly string[]): boolean {
  const [name = "", email = "", address = ""] = cells.map(squash);
  return (
    NAME_HEADERS.has(name) && EMAIL_HEADERS.has(email) && (address === "" || ADDRESS_HEADERS.has(address))
  );
}

export function isBlankRecord(cells: readonly string[]): boolean {
  return cells.every((cell) => cell.trim().length === 0);
}

/** A typed address, or a bare name part completed with the company's first video domain. */
export function completeBulkVideoAddress(input: string, videoDomains: readonly string[]): string {
  const address = normaliseVideoAddress(input);
  const first = videoDomains[0];
  return address.length > 0 && !address.includes("@") && first ? `${address}@${first}` : address;
}

function columnsProblem(cells: readonly string[]): BulkInviteProblem {
  const count = cells.length;
  const commas = count === 1 && (cells[0] ?? "").includes(",");
  return {
    field: "row",
    rule: "columns",
    message: commas
      ? "This row uses commas; separate the columns with semicolons: Full name;email;video address."
      : `This row has ${count} column${count === 1 ? "" : "s"}; use 3: Full name;email;video address.`,
  };
}

/** Extra cells are tolerated only when they are empty (spreadsheets add trailing `;`). */
function hasThreeColumns(cells: readonly string[]): boolean {
  return cells.length >= 3 && cells.slice(3).every((cell) => cell.trim().length === 0);
}

/** The rules one row breaks on its own, before it is compared with the others and the service. */
function rowOnItsOwn(record: BulkInviteRecord, context: BulkInviteContext): BulkInviteRow {
  const [rawName = "", rawEmail = "", rawAddress = ""] = record.cells;
  const row: BulkInviteRow = {
    line: record.line,
    fullName: rawName.trim(),
    email: normaliseEmail(rawEmail),
    videoAddress: completeBulkVideoAddress(rawAddress, context.videoDomains),
    problems: [],
  };
  if (!hasThreeColumns(record.cells)) {
    row.problems.push(columnsProblem(record.cells));
    return row;
  }
  const { problems } = row;
  if (row.fullName.length === 0) {
    problems.push({ field: "fullName", rule: "required", message: "Enter the full name." });
  } else if (row.fullName.length > FULL_NAME_MAX_LENGTH) {
    problems.push({
      field: "fullName",
      rule: "too_long",
      message: `Use at most ${FULL_NAME_MAX_LENGTH} characters for the full name.`,
    });
  }
  if (row.email.length === 0) {
    problems.push({ field: "email", rule: "required", message: "Enter an email address." });
  } else {
    const message = emailProblem(row.email);
    if (message) problems.push({ field: "email", rule: "invalid", message });
  }
  const rules: CompanyVideoDomains = { domains: context.videoDomains, hostedDomains: context.hostedDomains };
  const addressProblems = videoAddressProblems(row.videoAddress, rules);
  for (const problem of addressProblems) problems.push({ field: "videoAddress", ...problem });
  if (addressProblems.length === 0) {
    const room = personalRoomAddress(row.videoAddress, context.vmrSuffix) ?? "";
    row.personalRoomAddress = room;
    for (const problem of videoAddressProblems(room, rules)) {
      problems.push({
        field: "personalRoomAddress",
        rule: problem.rule,
        message: `The personal room address ${room} would break a rule: ${problem.message} Choose a shorter video address.`,
      });
    }
  }
  return row;
}

/**
 * Flags each row whose email or address an earlier row already uses (the earlier row keeps
 * it), and each address or email the service already has. A member's address and their
 * personal room's share one address space, so they are checked against each other too.
 */
function markConflicts(rows: BulkInviteRow[], context: BulkInviteContext): void {
  const emails = new Map<string, number>();
  const addresses = new Map<string, { line: number; room: boolean }>();
  for (const row of rows) {
    if (row.problems.some((p) => p.rule === "columns")) continue;
    if (row.email.length > 0) {
      const first = emails.get(row.email);
      if (first !== undefined) {
        row.problems.push({
          field: "email",
          rule: "duplicate",
          message: `Line ${first} already has this email address.`,
        });
      } else {
        emails.set(row.email, row.line);
        if (context.isEmailTaken(row.email)) {
          row.problems.push({
            field: "email",
            rule: "taken",
            message: "An account with this email address already exists.",
          });
        }
      }
    }
    const claims: [BulkInviteField, string][] = [];
    if (row.videoAddress.length > 0) claims.push(["videoAddress", row.videoAddress]);
    if (row.personalRoomAddress) claims.push(["personalRoomAddress", row.personalRoomAddress]);
    for (const [field, address] of claims) {
      const first = addresses.get(address);
      if (first !== undefined) {
        const what = first.room ? "as its personal room address" : "as its video address";
        row.problems.push({
          field,
          rule: "duplicate",
          message: `Line ${first.line} already uses ${address} ${what}.`,
        });
        continue;
      }
      addresses.set(address, { line: row.line, room: field === "personalRoomAddress" });
      if (row.problems.some((p) => p.field === field) || !context.isAddressTaken(address)) continue;
      row.problems.push({
        field,
        rule: "taken",
        message:
          field === "videoAddress"
            ? "This video address is already taken."
            : `The personal room address ${address} is already taken; choose another video address.`,
      });
    }
  }
}

/** Every row's normalised values and problems; blank rows and a header must be removed first. */
export function bulkInviteRows(
  records: readonly BulkInviteRecord[],
  context: BulkInviteContext,
): BulkInviteRow[] {
  const rows = records.map((record) => rowOnItsOwn(record, context));
  markConflicts(rows, context);
  return rows;
}

export function bulkInvitePreview(
  rows: BulkInviteRow[],
  licencesRemaining: number,
  fileProblems: string[] = [],
): BulkInvitePreview {
  const validCount = rows.filter((row) => row.problems.length === 0).length;
  const remaining = Math.max(0, licencesRemaining);
  return {
    rows,
    validCount,
    invalidCount: rows.length - validCount,
    fileProblems,
    licencesRemaining: remaining,
    licencesMissing: Math.max(0, validCount - remaining),
  };
}
