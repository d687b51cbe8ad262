/**
 * Reading an uploaded bulk invite file (`Full name;email;video address`) into a preview, and
 * writing the rows with problems back out as a CSV to download. The bytes are checked first
 * (size, encoding, binary), then split by `csv-parse`; the rules live in `domain/bulk-invite`.
 */
import { isUtf8 } from "node:buffer";
import {
  BULK_INVITE_COLUMNS,
  BULK_INVITE_MAX_BYTES,
  BULK_INVITE_MAX_ROWS,
  type BulkInviteContext,
  type BulkInviteField,
  type BulkInvitePreview,
  type BulkInviteRecord,
  bulkInvitePreview,
  bulkInviteRows,
  isBlankRecord,
  isBulkInviteHeader,
} from "../../../domain/bulk-invite.js";
import { safeCsv } from "../../lib/csv.js";
import { splitCsvRecords, withoutUtf8Bom } from "../../lib/csv-records.js";

const FORMAT = BULK_INVITE_COLUMNS.join(";");

export const FILE_PROBLEMS = {
  empty: "The file is empty. Add one row per person: Full name;email;video address.",
  onlyHeader: "The file has only a header row. Add one row per person: Full name;email;video address.",
  tooLarge: `The file is larger than ${BULK_INVITE_MAX_BYTES / 1024 / 1024} MB. Split it into smaller files.`,
  utf16: "The file is saved as UTF-16. Save the file as UTF-8 (in Excel: CSV UTF-8).",
  binary: "This is not a text file. Upload a CSV file: Full name;email;video address.",
  notUtf8: "The file is not UTF-8 text. Save the file as UTF-8 (in Excel: CSV UTF-8).",
  commas: `The file uses commas; use semicolons: ${FORMAT}`,
  tabs: `The file uses tabs; use semicolons: ${FORMAT}`,
  tooManyRows: (rows: number) =>
    `The file has ${rows.toLocaleString("en")} rows; at most ${BULK_INVITE_MAX_ROWS.toLocaleString("en")} can be invited at once. Split it into smaller files.`,
  unreadable: (line: number, code: string) =>
    code === "CSV_QUOTE_NOT_CLOSED"
      ? `Line ${line}: a quoted cell is never closed. Check the quotes (") from that line on.`
      : `Line ${line} cannot be read: check its quotes ("). A cell with a quote inside must be quoted as a whole, with the quote doubled ("").`,
} as const;

function hasUtf16Bom(bytes: Uint8Array): boolean {
  return (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
}

/** UTF-16 without a BOM: ASCII text with a NUL beside every character. */
function looksLikeUtf16(bytes: Uint8Array): boolean {
  const sample = bytes.subarray(0, 4096);
  let even = 0;
  let odd = 0;
  for (let i = 0; i < sample.length; i++) {
    if (sample[i] === 0) {
      if (i % 2 === 0) even++;
      else odd++;
    }
  }
  return Math.max(even, odd) >= sample.length * 0.4;
}

/** What is wrong with the file as a whole, before it is split into rows; null when it can be read. */
function encodingProblem(bytes: Uint8Array): string | null {
  if (bytes.length === 0) return FILE_PROBLEMS.empty;
  if (bytes.length > BULK_INVITE_MAX_BYTES) return FILE_PROBLEMS.tooLarge;
  if (hasUtf16Bom(bytes)) return FILE_PROBLEMS.utf16;
  if (bytes.includes(0)) return looksLikeUtf16(bytes) ? FILE_PROBLEMS.utf16 : FILE_PROBLEMS.binary;
  if (!isUtf8(bytes)) return FILE_PROBLEMS.notUtf8;
  return null;
}

/** Every record with the line it starts on, or the reason the file cannot be split. */
function splitRecords(text: Uint8Array): { records: BulkInviteRecord[] } | { problem: string } {
  const split = splitCsvRecords(text, { delimiter: ";", relaxQuotes: true });
  if ("records" in split) return split;
  if (!text.includes(0x3b) && text.includes(0x2c)) return { problem: FILE_PROBLEMS.commas };
  return { problem: FILE_PROBLEMS.unreadable(split.failure.line, split.failure.code) };
}

function separatorProblem(records: readonly BulkInviteRecord[]): string | null {
  if (records.length === 0 || records.some((record) => record.cells.length > 1)) return null;
  if (records.some((record) => record.cells[0]?.includes(","))) return FILE_PROBLEMS.commas;
  if (records.some((record) => record.cells[0]?.includes("\t"))) return FILE_PROBLEMS.tabs;
  return null;
}

/** Excel's `sep=;` hint line, which some exports start with. */
function isSeparatorHint(record: BulkInviteRecord | undefined): boolean {
  return (
    record?.cells.length === 2 && record.cells[0]?.trim().toLowerCase() === "sep=" && record.cells[1] === ""
  );
}

function fileFailure(
  problem: string,
  context: Pick<BulkInviteContext, "licencesRemaining">,
): BulkInvitePreview {
  return bulkInvitePreview([], context.licencesRemaining, [problem]);
}

/** The data rows of an uploaded file (blank lines, `sep=;` and a header removed), or why it cannot be used. */
export type BulkInviteFile = { records: BulkInviteRecord[] } | { problem: string };

/** Reads an upload into its data rows; never throws on any input. */
export function readBulkInviteFile(bytes: Uint8Array): BulkInviteFile {
  const problem = encodingProblem(bytes);
  if (problem) return { problem };
  const split = splitRecords(withoutUtf8Bom(bytes));
  if ("problem" in split) return split;
  const records = split.records.filter((record) => !isBlankRecord(record.cells));
  if (isSeparatorHint(records[0])) records.shift();
  const separator = separatorProblem(records);
  if (separator) return { problem: separator };
  const hasHeader = records.length > 0 && isBulkInviteHeader(records[0]?.cells ?? []);
  const data = hasHeader ? records.slice(1) : records;
  if (data.length === 0) return { problem: hasHeader ? FILE_PROBLEMS.onlyHeader : FILE_PROBLEMS.empty };
  if (data.length > BULK_INVITE_MAX_ROWS) return { problem: FILE_PROBLEMS.tooManyRows(data.length) };
  return { records: data };
}

/** The preview of a file already read: every row's normalised values and problems, or the file's problem. */
export function previewBulkInviteFile(file: BulkInviteFile, context: BulkInviteContext): BulkInvitePreview {
  if ("problem" in file) return fileFailure(file.problem, context);
  return bulkInvitePreview(bulkInviteRows(file.records, context), context.licencesRemaining);
}

/**
 * The preview of an uploaded file: every data row's normalised values and problems, or — when
 * the file as a whole cannot be used — no rows and the file problem. Never throws on any input.
 */
export function previewBulkInviteCsv(bytes: Uint8Array, context: BulkInviteContext): BulkInvitePreview {
  return previewBulkInviteFile(readBulkInviteFile(bytes), context);
}

const FIELD_LABELS: Record<BulkInviteField, string> = {
  row: "Row",
  fullName: "Full name",
  email: "Email",
  videoAddress: "Video address",
  personalRoomAddress: "Personal room address",
};

/**
 * The rows with problems, to download, fix and upload again: the three columns as read
 * (normalised), then the line they came from and what is wrong with them.
 */
export function problemsCsv(preview: BulkInvitePreview): string {
  const records = preview.rows
    .filter((row) => row.problems.length > 0)
    .map((row) => [
      row.fullName,
      row.email,
      row.videoAddress,
      String(row.line),
      row.problems.map((p) => `${FIELD_LABELS[p.field]}: ${p.message}`).join(" "),
    ]);
  return safeCsv([...BULK_INVITE_COLUMNS, "Line", "Problems"], records);
}
