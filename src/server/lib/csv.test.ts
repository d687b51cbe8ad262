import { describe, expect, it } from "vitest";
import { csvSafeCell, safeCsv } from "./csv.js";

describe("csvSafeCell", () => {
  it("prefixes a quote to cells that start like a formula, and leaves others alone", () => {
    for (const cell of ["=1+1", "+1", "-1", "@SUM(A1)", "\t=1", "\r=1", "＝1", '=HYPERLINK("http://x")']) {
      expect(csvSafeCell(cell), cell).toBe(`'${cell}`);
    }
    for (const cell of ["", "Johann Smith", "john@acme.example", " =1", "1-1", "a=b", "'quoted"]) {
      expect(csvSafeCell(cell), cell).toBe(cell);
    }
  });

  it("is applied to the header too by safeCsv", () => {
    expect(safeCsv(["=x"], [["-y", "z"]])).toBe('\uFEFF"\'=x"\r\n"\'-y";"z"\r\n');
  });
});
