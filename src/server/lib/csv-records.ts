/**
 * Splitting an uploaded CSV into records with the line each starts on, so every problem can
 * name the line in the file. Shared by the bulk uploads (invitations, video systems); what the
 * cells mean is each upload's own rule.
 */
import { CsvError, parse } from "csv-parse/sync";

export interface CsvRecord {
  /** 1-based line in the file where the record starts. */
  line: number;
  cells: string[];
}

export type CsvSplit = { records: CsvRecord[] } | { failure: { line: number; code: string } };

const LF = 0x0a;
const CR = 0x0d;

export function withoutUtf8Bom(bytes: Uint8Array): Uint8Array {
  return bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
}

/**
 * 1-based line numbers for byte offsets visited in increasing order, counting LF, CRLF and a
 * lone CR as one line break each — also inside quoted cells.
 */
function lineCounter(bytes: Uint8Array) {
  let offset = 0;
  let line = 1;
  return (to: number): number => {
    for (; offset < to; offset++) {
      const byte = bytes[offset];
      if (byte === LF || (byte === CR && bytes[offset + 1] !== LF)) line++;
    }
    return line;
  };
}

/**
 * Every record (cells trimmed, any number of them) with its line, or the line where the file
 * stops being readable and csv-parse's reason (`CSV_QUOTE_NOT_CLOSED`, …). Never throws on input.
 */
export function splitCsvRecords(
  text: Uint8Array,
  options: { delimiter: string; relaxQuotes?: boolean },
): CsvSplit {
  const records: CsvRecord[] = [];
  const lineAt = lineCounter(text);
  let start = 0;
  try {
    parse(text, {
      delimiter: options.delimiter,
      record_delimiter: ["\r\n", "\n", "\r"],
      relax_column_count: true,
      relax_quotes: options.relaxQuotes ?? false,
      // Also lets hand-written files put spaces around quoted cells: `Jo ; "Smith; J" ; x`.
      trim: true,
      on_record: (cells: string[], info) => {
        records.push({ line: lineAt(start), cells });
        start = info.bytes;
        return null;
      },
    });
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    return { failure: { line: lineAt(start), code: error.code } };
  }
  return { records };
}
