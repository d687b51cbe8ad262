import { useSearchParams } from "react-router";
import {
  defaultPeriod,
  isDay,
  monthPeriod,
  periodProblem,
  recentMonths,
  type UsagePeriod,
} from "../../../domain/usage-period";

/** How the period was chosen: the default, one of the recent months, or two days typed in. */
export type PeriodChoice = { kind: "recent" } | { kind: "month"; month: string } | { kind: "custom" };

export interface UsageView {
  choice: PeriodChoice;
  /** The period to ask for; null while a custom range is incomplete or wrong. */
  period: UsagePeriod | null;
  /** What the custom range's fields hold (the period's days otherwise). */
  from: string;
  to: string;
  /** The custom range's problem, shown on its field. */
  problem: { field: "from" | "to"; message: string } | null;
  tab: string;
  sort: string;
  page: number;
}

export interface UsageViewChanges {
  choice?: PeriodChoice;
  from?: string;
  to?: string;
  tab?: string;
  sort?: string;
  page?: number;
}

/**
 * The usage pages' period, tab, sort and page live in the address (Back, reload and a shared
 * link keep the view): `month=2026-11`, or `from=…&to=…` for a custom range, or neither for
 * the last three months. A month in progress ends today. Changing anything but the page starts
 * again at page 1.
 */
export function useUsageView(today: string): UsageView & { update: (changes: UsageViewChanges) => void } {
  const [searchParams, setSearchParams] = useSearchParams();
  const view = readView(searchParams, today);

  const update = (changes: UsageViewChanges) => {
    const choice = changes.choice ?? view.choice;
    const params: Record<string, string> = {};
    if (choice.kind === "month") params.month = choice.month;
    if (choice.kind === "custom") {
      params.from = changes.from ?? view.from;
      params.to = changes.to ?? view.to;
    }
    const tab = changes.tab ?? view.tab;
    if (tab) params.tab = tab;
    const sort = changes.sort ?? (changes.tab !== undefined ? "" : view.sort);
    if (sort) params.sort = sort;
    const page = changes.page ?? 1;
    if (page > 1) params.page = String(page);
    // Typing a date replaces the history entry; choosing a period, tab, sort or page adds one.
    setSearchParams(params, { replace: changes.from !== undefined || changes.to !== undefined });
  };

  return { ...view, update };
}

function readView(searchParams: URLSearchParams, today: string): UsageView {
  const month = searchParams.get("month") ?? "";
  const from = searchParams.get("from");
  const to = searchParams.get("to");
  const rest = {
    tab: searchParams.get("tab") ?? "",
    sort: searchParams.get("sort") ?? "",
    page: Math.max(1, Number.parseInt(searchParams.get("page") ?? "1", 10) || 1),
  };
  if (from !== null || to !== null) {
    const typed = { from: from ?? "", to: to ?? "" };
    const problem = customProblem(typed);
    return { choice: { kind: "custom" }, ...typed, period: problem ? null : typed, problem, ...rest };
  }
  if (recentMonths(today).includes(month)) {
    const whole = monthPeriod(month);
    const period = { from: whole.from, to: whole.to > today ? today : whole.to };
    return { choice: { kind: "month", month }, ...period, period, problem: null, ...rest };
  }
  const period = defaultPeriod(today);
  return { choice: { kind: "recent" }, ...period, period, problem: null, ...rest };
}

function customProblem(typed: UsagePeriod): UsageView["problem"] {
  if (!isDay(typed.from)) return { field: "from", message: "Choose the first day." };
  if (!isDay(typed.to)) return { field: "to", message: "Choose the last day." };
  return periodProblem(typed);
}
