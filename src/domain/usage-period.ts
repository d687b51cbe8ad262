import { TZDate, tz } from "@date-fns/tz";
import { addDays, addMonths, differenceInCalendarDays, format, isValid, parseISO } from "date-fns";

/**
 * The periods the usage pages show (pexip-infinity.md §3), shared by the server and the web app.
 * A period is two calendar days, `YYYY-MM-DD`, both included, in the company's time zone
 * (usage_daily keeps each company's own days). The rules:
 * - By default the last three months, ending today in the company's time zone.
 * - A period runs forwards (from ≤ to) and spans at most the retention: 13 months.
 * - "Previous period": the period of the same number of days that ends the day before `from`.
 */

/** How long usage is kept, and so the longest period that can be asked for. */
export const USAGE_RETENTION_MONTHS = 13;
/** The period shown when none is chosen: this many months, ending today. */
export const DEFAULT_USAGE_MONTHS = 3;

/** What the three figures count: the API reference and the web page's tooltips both say this. */
export const USAGE_DEFINITIONS = {
  calls:
    "Calls in period: calls that connected in the period — each device's leg into a VMR, each point-to-point (gateway) call once.",
  callMinutes: "Call duration: the minutes of those calls (a call counts on the day it connected).",
  roomMinutes:
    "Room duration: minutes the company's VMRs were in use — the union of the time each room had a conference running, however many people or nodes.",
} as const;

export interface UsagePeriod {
  from: string;
  to: string;
}

export const NOT_A_DAY = "Use a date like 2026-11-23.";
export const PERIOD_BACKWARDS = "Choose an end on or after the start.";
export const PERIOD_TOO_LONG = `Choose a period of at most ${USAGE_RETENTION_MONTHS} months.`;

// Calendar arithmetic on plain days, in UTC, so no daylight-saving change moves a day.
const calendar = tz("UTC");
const DAY = /^\d{4}-\d{2}-\d{2}$/;

const toDate = (day: string) => parseISO(day, { in: calendar });
const toDay = (date: Date) => format(date, "yyyy-MM-dd", { in: calendar });

/** Whether the text is a real calendar day (2026-02-30 is not). */
export function isDay(value: string): boolean {
  return DAY.test(value) && isValid(toDate(value));
}

export function addDaysTo(day: string, days: number): string {
  return toDay(addDays(toDate(day), days, { in: calendar }));
}

export function addMonthsTo(day: string, months: number): string {
  return toDay(addMonths(toDate(day), months, { in: calendar }));
}

/** How many days the period has, both ends included. */
export function dayCount(period: UsagePeriod): number {
  return differenceInCalendarDays(toDate(period.to), toDate(period.from), { in: calendar }) + 1;
}

/** Every day of the period, in order. */
export function eachDay(period: UsagePeriod): string[] {
  const days: string[] = [];
  for (let day = period.from; day <= period.to; day = addDaysTo(day, 1)) days.push(day);
  return days;
}

/** Today in a time zone (UTC for one this runtime does not know). */
export function todayIn(timeZone: string, now: Date = new Date()): string {
  try {
    return format(new TZDate(now.getTime(), timeZone), "yyyy-MM-dd");
  } catch {
    return format(new TZDate(now.getTime(), "UTC"), "yyyy-MM-dd");
  }
}

/** The earliest start a period ending on `to` may have (13 months back, the day after). */
export function earliestFrom(to: string): string {
  return addDaysTo(addMonthsTo(to, -USAGE_RETENTION_MONTHS), 1);
}

/** The default period: the last three months, ending `today`. */
export function defaultPeriod(today: string): UsagePeriod {
  return { from: addDaysTo(addMonthsTo(today, -DEFAULT_USAGE_MONTHS), 1), to: today };
}

/**
 * The period asked for, with what is missing filled in: neither end — the default; only `from`
 * — up to today; only `to` — the three months ending then.
 */
export function resolvePeriod(asked: Partial<UsagePeriod>, today: string): UsagePeriod {
  if (asked.from && asked.to) return { from: asked.from, to: asked.to };
  if (asked.from) return { from: asked.from, to: today };
  return defaultPeriod(asked.to ?? today);
}

/** What is wrong with a period of two valid days, as the field to mark and a message; null if fine. */
export function periodProblem(period: UsagePeriod): { field: "from" | "to"; message: string } | null {
  if (period.from > period.to) return { field: "to", message: PERIOD_BACKWARDS };
  if (period.from < earliestFrom(period.to)) return { field: "from", message: PERIOD_TOO_LONG };
  return null;
}

/** The period of the same length that ends the day before this one starts. */
export function previousPeriod(period: UsagePeriod): UsagePeriod {
  const to = addDaysTo(period.from, -1);
  return { from: addDaysTo(to, 1 - dayCount(period)), to };
}

/** A calendar month (`YYYY-MM`) as a period. */
export function monthPeriod(month: string): UsagePeriod {
  const from = `${month}-01`;
  return { from, to: addDaysTo(addMonthsTo(from, 1), -1) };
}

/** The months (`YYYY-MM`, newest first) a month picker offers: this one and the 12 before. */
export function recentMonths(today: string): string[] {
  const first = `${today.slice(0, 7)}-01`;
  return Array.from({ length: USAGE_RETENTION_MONTHS }, (_, i) => addMonthsTo(first, -i).slice(0, 7));
}
