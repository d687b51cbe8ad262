import { safeCsv } from "../../lib/csv.js";

/** The usage exports' files: figures as the API gives them, through `safeCsv` like every export. */

/** Exports stop here (a company's users are the longest list); `x-rows-capped` says so. */
export const USAGE_EXPORT_MAX_ROWS = 100_000;

export interface Figures {
  calls: number;
  callMinutes: number;
  roomMinutes: number;
}

const FIGURE_HEADER = ["Calls", "Call minutes", "Room minutes"] as const;
const figureCells = (f: Figures) => [String(f.calls), String(f.callMinutes), String(f.roomMinutes)];

export const DAYS_CSV_HEADER = ["Day", ...FIGURE_HEADER];
export const BREAKDOWN_CSV_HEADER = ["Name", "Video address", ...FIGURE_HEADER, "Id"];
export const COMPANIES_CSV_HEADER = ["Company", "Partner", ...FIGURE_HEADER, "Company id"];

export function daysCsv(days: readonly (Figures & { day: string })[]): string {
  return safeCsv(
    DAYS_CSV_HEADER,
    days.map((d) => [d.day, ...figureCells(d)]),
  );
}

export function breakdownCsv(
  items: readonly (Figures & { id: string; name: string; address: string | null })[],
) {
  return safeCsv(
    BREAKDOWN_CSV_HEADER,
    items.map((i) => [i.name, i.address ?? "", ...figureCells(i), i.id]),
  );
}

export function companiesCsv(
  items: readonly (Figures & { companyId: string; companyName: string; partnerName: string })[],
) {
  return safeCsv(
    COMPANIES_CSV_HEADER,
    items.map((i) => [i.companyName, i.partnerName, ...figureCells(i), i.companyId]),
  );
}

/** A file name part that is safe in a Content-Disposition header. */
export function fileSlug(text: string): string {
  return (
    text
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-+|-+$/g, "") || "usage"
  );
}
