/**
 * Reading an uploaded bulk endpoint-subscription file (`username,video_domain,display_name
 * [,serial_number]`, comma, header required) into records. The bytes are checked first (size,
 * encoding, binary), then split by `csv-parse`; the row rules live in `domain/video-systems-csv`.
 */
import { isUtf8 } from "node:buffer";
import {
  type ColumnPositions,
  isBlankRecord,
  readHeader,
  VIDEO_SYSTEM_CSV_HEADER,
  VIDEO_SYSTEM_CSV_MAX_BYTES,
  VIDEO_SYSTEM_CSV_MAX_ROWS,
  type VideoSystemCsvRecord,
} from "../../../domain/video-systems-csv.js";
import { splitCsvRecords, withoutUtf8Bom } from "../../lib/csv-records.js";

export const VIDEO_SYSTEM_FILE_PROBLEMS = {
  empty: `The file is empty. Start with the header ${VIDEO_SYSTEM_CSV_HEADER}, then one row per video system.`,
  onlyHeader: "The file has only a header row. Add one row per video system.",
  tooLarge: `The file is larger than ${VIDEO_SYSTEM_CSV_MAX_BYTES / 1024 / 1024} MB. Split it into smaller files.`,
  notText: "This is not a UTF-8 text file. Save the file as CSV UTF-8 and upload it again.",
  tooManyRows: (rows: number) =>
    `The file has ${rows.toLocaleString("en")} rows; at most ${VIDEO_SYSTEM_CSV_MAX_ROWS.toLocaleString("en")} video systems can be created at once. Split it into smaller files.`,
  unreadable: (line: number) =>
    `Line ${line} cannot be read: check its quotes ("). A cell with a quote inside must be quoted as a whole, with the quote doubled ("").`,
} as const;

export type VideoSystemCsvFile =
  | { columns: ColumnPositions; records: VideoSystemCsvRecord[] }
  | { problem: string };

function encodingProblem(bytes: Uint8Array): string | null {
  if (bytes.length === 0) return VIDEO_SYSTEM_FILE_PROBLEMS.empty;
  if (bytes.length > VIDEO_SYSTEM_CSV_MAX_BYTES) return VIDEO_SYSTEM_FILE_PROBLEMS.tooLarge;
  // NULs: UTF-16 or binary; neither is a CSV UTF-8 file.
  if (bytes.includes(0) || !isUtf8(bytes)) return VIDEO_SYSTEM_FILE_PROBLEMS.notText;
  return null;
}

function splitRecords(text: Uint8Array): { records: VideoSystemCsvRecord[] } | { problem: string } {
  const split = splitCsvRecords(text, { delimiter: "," });
  if ("records" in split) return split;
  return { problem: VIDEO_SYSTEM_FILE_PROBLEMS.unreadable(split.failure.line) };
}

/** Reads an upload into its header's columns and data rows, or why it cannot be used; never throws. */
export function readVideoSystemCsv(bytes: Uint8Array): VideoSystemCsvFile {
  const problem = encodingProblem(bytes);
  if (problem) return { problem };
  const split = splitRecords(withoutUtf8Bom(bytes));
  if ("problem" in split) return split;
  const [header, ...data] = split.records.filter((record) => !isBlankRecord(record.cells));
  if (!header) return { problem: VIDEO_SYSTEM_FILE_PROBLEMS.empty };
  const read = readHeader(header.cells);
  if ("problem" in read) return read;
  if (data.length === 0) return { problem: VIDEO_SYSTEM_FILE_PROBLEMS.onlyHeader };
  if (data.length > VIDEO_SYSTEM_CSV_MAX_ROWS) {
    return { problem: VIDEO_SYSTEM_FILE_PROBLEMS.tooManyRows(data.length) };
  }
  return { columns: read.columns, records: data };
}
