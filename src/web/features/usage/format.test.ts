import { describe, expect, it } from "vitest";
import { changeAgainst, formatFigure, formatPeriod } from "./format";

describe("usage figures in words", () => {
  it("gives the change against the previous period as an arrow and a rounded percentage", () => {
    expect(changeAgainst(150, 100)).toEqual({ text: "↑ 50%", spoken: "up 50% on the previous period" });
    expect(changeAgainst(2, 3)).toEqual({ text: "↓ 33%", spoken: "down 33% on the previous period" });
    expect(changeAgainst(7, 7).text).toBe("→ 0%");
    // Nothing to compare with: a dash, never "Infinity%".
    expect(changeAgainst(5, 0).text).toBe("—");
    expect(changeAgainst(0, 0).text).toBe("—");
  });

  it("writes counts, minutes and periods", () => {
    expect(formatFigure("calls", 12345)).toBe("12,345");
    expect(formatFigure("callMinutes", 1234.5)).toBe("1,234.5 min");
    expect(formatPeriod({ from: "2026-03-01", to: "2026-03-31" })).toBe("Mar 1, 2026 – Mar 31, 2026");
    expect(formatPeriod({ from: "2026-03-01", to: "2026-03-01" })).toBe("Mar 1, 2026");
  });
});
