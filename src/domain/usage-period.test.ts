import { describe, expect, it } from "vitest";
import {
  dayCount,
  defaultPeriod,
  eachDay,
  earliestFrom,
  isDay,
  monthPeriod,
  PERIOD_BACKWARDS,
  PERIOD_TOO_LONG,
  periodProblem,
  previousPeriod,
  recentMonths,
  resolvePeriod,
  todayIn,
} from "./usage-period.js";

describe("usage periods", () => {
  it("knows real calendar days", () => {
    expect(isDay("2028-02-29")).toBe(true);
    expect(isDay("2026-02-29")).toBe(false);
    expect(isDay("2026-13-01")).toBe(false);
    expect(isDay("2026-1-05")).toBe(false);
    expect(isDay("2026-01-05T00:00:00Z")).toBe(false);
  });

  it("defaults to the three months ending today, filling in a missing end", () => {
    expect(defaultPeriod("2026-11-23")).toEqual({ from: "2026-08-24", to: "2026-11-23" });
    expect(defaultPeriod("2026-05-31")).toEqual({ from: "2026-03-01", to: "2026-05-31" });
    expect(resolvePeriod({}, "2026-11-23")).toEqual(defaultPeriod("2026-11-23"));
    expect(resolvePeriod({ from: "2026-11-01" }, "2026-11-23")).toEqual({
      from: "2026-11-01",
      to: "2026-11-23",
    });
    expect(resolvePeriod({ to: "2026-05-31" }, "2026-11-23")).toEqual({
      from: "2026-03-01",
      to: "2026-05-31",
    });
  });

  it("runs forwards and spans at most 13 months", () => {
    expect(periodProblem({ from: "2026-03-02", to: "2026-03-01" })).toEqual({
      field: "to",
      message: PERIOD_BACKWARDS,
    });
    expect(periodProblem({ from: "2026-03-01", to: "2026-03-01" })).toBeNull();
    expect(earliestFrom("2026-01-31")).toBe("2025-01-01");
    expect(periodProblem({ from: "2025-01-01", to: "2026-01-31" })).toBeNull();
    expect(periodProblem({ from: "2024-12-31", to: "2026-01-31" })).toEqual({
      field: "from",
      message: PERIOD_TOO_LONG,
    });
    // Month ends: 13 months back from 31 March is the end of February.
    expect(earliestFrom("2026-03-31")).toBe("2025-03-01");
  });

  it("compares with the same number of days just before, across month and leap days", () => {
    expect(previousPeriod({ from: "2026-03-01", to: "2026-03-31" })).toEqual({
      from: "2026-01-29",
      to: "2026-02-28",
    });
    expect(previousPeriod({ from: "2028-03-01", to: "2028-03-01" })).toEqual({
      from: "2028-02-29",
      to: "2028-02-29",
    });
    expect(dayCount({ from: "2026-03-29", to: "2026-03-30" })).toBe(2);
    expect(eachDay({ from: "2026-10-24", to: "2026-10-26" })).toEqual([
      "2026-10-24",
      "2026-10-25",
      "2026-10-26",
    ]);
  });

  it("offers this month and the twelve before, and reads today in a time zone", () => {
    expect(monthPeriod("2028-02")).toEqual({ from: "2028-02-01", to: "2028-02-29" });
    const months = recentMonths("2026-03-15");
    expect(months).toHaveLength(13);
    expect([months[0], months[2], months[12]]).toEqual(["2026-03", "2026-01", "2025-03"]);
    const moment = new Date("2026-06-30T23:30:00Z");
    expect(todayIn("Europe/Oslo", moment)).toBe("2026-07-01");
    expect(todayIn("America/New_York", moment)).toBe("2026-06-30");
    expect(todayIn("Not/AZone", moment)).toBe("2026-06-30");
  });
});
