import type { UsageFigures } from "./api";

const whole = new Intl.NumberFormat("en");
const minutes = new Intl.NumberFormat("en", { maximumFractionDigits: 1 });
const day = new Intl.DateTimeFormat("en", {
  day: "numeric",
  month: "short",
  year: "numeric",
  timeZone: "UTC",
});
const shortDay = new Intl.DateTimeFormat("en", { day: "numeric", month: "short", timeZone: "UTC" });

export const formatCount = (value: number) => whole.format(value);
export const formatMinutes = (value: number) => minutes.format(value);

/** "3 Mar 2026" for a YYYY-MM-DD day (a calendar day: no time zone moves it). */
export const formatDay = (value: string) => day.format(new Date(`${value}T00:00:00Z`));
export const formatShortDay = (value: string) => shortDay.format(new Date(`${value}T00:00:00Z`));
export const formatPeriod = (period: { from: string; to: string }) =>
  period.from === period.to ? formatDay(period.from) : `${formatDay(period.from)} – ${formatDay(period.to)}`;

export type FigureKey = keyof UsageFigures;

export const FIGURE_LABELS: Record<FigureKey, string> = {
  calls: "Calls in period",
  callMinutes: "Call duration",
  roomMinutes: "Room duration",
};

export function formatFigure(key: FigureKey, value: number): string {
  return key === "calls" ? formatCount(value) : `${formatMinutes(value)} min`;
}

/** The change against the previous period: "↑ 12%", "↓ 3%", "→ 0%", or "—" when there is nothing to compare. */
export function changeAgainst(current: number, previous: number): { text: string; spoken: string } {
  if (previous === 0) return { text: "—", spoken: "nothing in the previous period to compare with" };
  const percent = Math.round(((current - previous) / previous) * 100);
  if (percent > 0) return { text: `↑ ${percent}%`, spoken: `up ${percent}% on the previous period` };
  if (percent < 0) return { text: `↓ ${-percent}%`, spoken: `down ${-percent}% on the previous period` };
  return { text: "→ 0%", spoken: "the same as the previous period" };
}
