/**
 * Bulk endpoint subscriptions (the reference service's format, pexip-infinity.md §4): a comma
 * CSV with the header `username,video_domain,display_name[,serial_number]`. What each row means
 * and what is wrong with it, once the file is split into cells. Pure, so the preview, the create
 * step and the web say the same thing; reading the bytes is the server's part.
 */
import { type CompanyVideoDomains, normaliseVideoAddress, videoAddressProblems } from "./video-address.js";

export const VIDEO_SYSTEM_CSV_REQUIRED = ["username", "video_domain", "display_name"] as const;
export const VIDEO_SYSTEM_CSV_OPTIONAL = ["serial_number"] as const;
export const VIDEO_SYSTEM_CSV_HEADER = "username,video_domain,display_name[,serial_number]";
export const VIDEO_SYSTEM_CSV_MAX_ROWS = 5_000;
export const VIDEO_SYSTEM_CSV_MAX_BYTES = 2 * 1024 * 1024;
export const DISPLAY_NAME_MAX_LENGTH = 200;
export const SERIAL_NUMBER_MAX_LENGTH = 100;

type Column = (typeof VIDEO_SYSTEM_CSV_REQUIRED)[number] | (typeof VIDEO_SYSTEM_CSV_OPTIONAL)[number];

/** Where each column is in the file (the header may list them in any order). */
export type ColumnPositions = Record<Column, number | undefined>;

export type VideoSystemCsvField = "row" | "username" | "videoDomain" | "displayName" | "serialNumber";

export interface VideoSystemCsvProblem {
  field: VideoSystemCsvField;
  /** `columns`, `required`, `too_long`, `duplicate`, `subscribed`, `taken` or a video-address rule. */
  rule: string;
  message: string;
}

export interface VideoSystemCsvRow {
  /** 1-based line in the file where the row starts. */
  line: number;
  username: string;
  videoDomain: string;
  displayName: string;
  serialNumber: string | null;
  /** `username@video_domain`, normalised. */
  videoAddress: string;
  problems: VideoSystemCsvProblem[];
}

export interface VideoSystemCsvRecord {
  line: number;
  cells: readonly string[];
}

/** Who already has an address or a serial number in the whole service. */
export interface VideoSystemCsvContext extends CompanyVideoDomains {
  /** "subscribed": a video system already has it; "taken": anything else (a member, a room). */
  addressStatus: (address: string) => "subscribed" | "taken" | null;
  isSerialTaken: (serialNumber: string) => boolean;
}

export interface VideoSystemCsvPreview {
  rows: VideoSystemCsvRow[];
  validCount: number;
  invalidCount: number;
  fileProblems: string[];
  subscriptionsRemaining: number;
  /** max(0, validCount − subscriptionsRemaining): how many more subscriptions creating them needs. */
  subscriptionsMissing: number;
}

const normaliseHeader = (cell: string) => cell.trim().toLowerCase();

/**
 * The header's columns, or why it is not the expected header: a missing required column, an
 * unknown column, a column twice — or a semicolon file (the member import's format).
 */
export function readHeader(cells: readonly string[]): { columns: ColumnPositions } | { problem: string } {
  if (cells.length === 1 && (cells[0] ?? "").includes(";")) {
    return {
      problem: `The file uses semicolons; separate the columns with commas: ${VIDEO_SYSTEM_CSV_HEADER}.`,
    };
  }
  const names = cells.map(normaliseHeader);
  const known: readonly string[] = [...VIDEO_SYSTEM_CSV_REQUIRED, ...VIDEO_SYSTEM_CSV_OPTIONAL];
  const unknown = names.filter((name) => name.length > 0 && !known.includes(name));
  if (unknown.length > 0) {
    return {
      problem: `Unknown column${unknown.length === 1 ? "" : "s"} ${unknown.map((u) => `“${u}”`).join(", ")}. The first row must be the header ${VIDEO_SYSTEM_CSV_HEADER}.`,
    };
  }
  const twice = known.filter((name) => names.filter((n) => n === name).length > 1);
  if (twice.length > 0) return { problem: `The column “${twice[0]}” appears twice in the header.` };
  const missing = VIDEO_SYSTEM_CSV_REQUIRED.filter((name) => !names.includes(name));
  if (missing.length > 0) {
    return {
      problem: `The header has no ${missing.map((m) => `“${m}”`).join(", ")} column. The first row must be the header ${VIDEO_SYSTEM_CSV_HEADER}.`,
    };
  }
  const at = (name: Column) => {
    const index = names.indexOf(name);
    return index < 0 ? undefined : index;
  };
  return {
    columns: {
      username: at("username"),
      video_domain: at("video_domain"),
      display_name: at("display_name"),
      serial_number: at("serial_number"),
    },
  };
}

export function isBlankRecord(cells: readonly string[]): boolean {
  return cells.every((cell) => cell.trim().length === 0);
}

/** A serial number as stored: trimmed; empty means none. */
export function normaliseSerialNumber(input: string | null | undefined): string | null {
  const value = (input ?? "").trim();
  return value.length > 0 ? value : null;
}

function rowOnItsOwn(
  record: VideoSystemCsvRecord,
  columns: ColumnPositions,
  rules: CompanyVideoDomains,
): VideoSystemCsvRow {
  const cell = (index: number | undefined) => (index === undefined ? "" : (record.cells[index] ?? ""));
  const username = normaliseVideoAddress(cell(columns.username));
  const videoDomain = normaliseVideoAddress(cell(columns.video_domain));
  const row: VideoSystemCsvRow = {
    line: record.line,
    username,
    videoDomain,
    displayName: cell(columns.display_name).trim(),
    serialNumber: normaliseSerialNumber(cell(columns.serial_number)),
    videoAddress: username && videoDomain ? `${username}@${videoDomain}` : "",
    problems: [],
  };
  const width = Math.max(...Object.values(columns).map((i) => (i ?? -1) + 1));
  if (record.cells.slice(width).some((c) => c.trim().length > 0)) {
    row.problems.push({
      field: "row",
      rule: "columns",
      message: `This row has ${record.cells.length} columns; the header has ${width}.`,
    });
    return row;
  }
  const { problems } = row;
  if (row.displayName.length === 0) {
    problems.push({ field: "displayName", rule: "required", message: "Enter the display name." });
  } else if (row.displayName.length > DISPLAY_NAME_MAX_LENGTH) {
    problems.push({
      field: "displayName",
      rule: "too_long",
      message: `Use at most ${DISPLAY_NAME_MAX_LENGTH} characters for the display name.`,
    });
  }
  if (row.serialNumber && row.serialNumber.length > SERIAL_NUMBER_MAX_LENGTH) {
    problems.push({
      field: "serialNumber",
      rule: "too_long",
      message: `Use at most ${SERIAL_NUMBER_MAX_LENGTH} characters for the serial number.`,
    });
  }
  if (username.length === 0) {
    problems.push({
      field: "username",
      rule: "required",
      message: "Enter the username (the address's name part).",
    });
  } else if (username.includes("@")) {
    problems.push({
      field: "username",
      rule: "one_at_sign",
      message: "Put only the name part in username; the domain goes in video_domain.",
    });
  }
  if (videoDomain.length === 0) {
    problems.push({ field: "videoDomain", rule: "required", message: "Enter the video domain." });
  }
  if (problems.some((p) => p.field === "username" || p.field === "videoDomain")) return row;
  for (const problem of videoAddressProblems(row.videoAddress, rules)) {
    problems.push({ field: problem.rule === "domain" ? "videoDomain" : "username", ...problem });
  }
  return row;
}

/**
 * Flags each row whose address or serial number an earlier row already uses (the earlier row
 * keeps it), and each the service already has: a video system's is "subscribed" (the file must
 * only contain endpoints without a subscription), anything else's "taken".
 */
function markConflicts(rows: VideoSystemCsvRow[], context: VideoSystemCsvContext): void {
  const addresses = new Map<string, number>();
  const serials = new Map<string, number>();
  for (const row of rows) {
    if (row.problems.length > 0) continue;
    const first = addresses.get(row.videoAddress);
    if (first !== undefined) {
      row.problems.push({
        field: "username",
        rule: "duplicate",
        message: `Line ${first} already has the address ${row.videoAddress}.`,
      });
    } else {
      addresses.set(row.videoAddress, row.line);
      const status = context.addressStatus(row.videoAddress);
      if (status === "subscribed") {
        row.problems.push({
          field: "username",
          rule: "subscribed",
          message: "This address already has a video system subscription.",
        });
      } else if (status === "taken") {
        row.problems.push({
          field: "username",
          rule: "taken",
          message: "This video address is already taken.",
        });
      }
    }
    if (row.serialNumber) {
      const firstSerial = serials.get(row.serialNumber);
      if (firstSerial !== undefined) {
        row.problems.push({
          field: "serialNumber",
          rule: "duplicate",
          message: `Line ${firstSerial} already has this serial number.`,
        });
      } else {
        serials.set(row.serialNumber, row.line);
        if (context.isSerialTaken(row.serialNumber)) {
          row.problems.push({
            field: "serialNumber",
            rule: "subscribed",
            message: "A video system with this serial number already has a subscription.",
          });
        }
      }
    }
  }
}

/** Every data row with its normalised values and problems. */
export function videoSystemCsvRows(
  records: readonly VideoSystemCsvRecord[],
  columns: ColumnPositions,
  context: VideoSystemCsvContext,
): VideoSystemCsvRow[] {
  const rules: CompanyVideoDomains = { domains: context.domains, hostedDomains: context.hostedDomains };
  const rows = records.map((record) => rowOnItsOwn(record, columns, rules));
  markConflicts(rows, context);
  return rows;
}

export function videoSystemCsvPreview(
  rows: VideoSystemCsvRow[],
  subscriptionsRemaining: number,
  fileProblems: string[] = [],
): VideoSystemCsvPreview {
  const validCount = rows.filter((row) => row.problems.length === 0).length;
  const remaining = Math.max(0, subscriptionsRemaining);
  return {
    rows,
    validCount,
    invalidCount: rows.length - validCount,
    fileProblems,
    subscriptionsRemaining: remaining,
    subscriptionsMissing: Math.max(0, validCount - remaining),
  };
}
