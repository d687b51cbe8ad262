/** CSV files Confero hands out for download: safe to open in any spreadsheet. */
import { stringify } from "csv-stringify/sync";

// Cells a spreadsheet would run as a formula (OWASP "CSV injection"), full-width forms included.
const FORMULA_START = /^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/;

/**
 * A cell made safe to open in a spreadsheet: one that starts like a formula gets a leading `'`
 * so it shows as text and never runs. Every CSV export goes through this (see `safeCsv`).
 */
export function csvSafeCell(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

/**
 * A CSV for download: semicolons, CRLF and a UTF-8 BOM (so Excel reads the accents), every
 * cell passed through `csvSafeCell` and quoted — so a comma inside a cell cannot start a new,
 * unescaped cell when a spreadsheet splits the file on commas instead.
 */
export function safeCsv(header: readonly string[], records: readonly (readonly string[])[]): string {
  return stringify(
    [header, ...records].map((record) => record.map(csvSafeCell)),
    {
      delimiter: ";",
      record_delimiter: "windows",
      bom: true,
      quoted: true,
    },
  );
}
