import {
  eachDay,
  periodProblem,
  previousPeriod,
  resolvePeriod,
  todayIn,
  type UsagePeriod,
} from "../../../domain/usage-period.js";
import type { Db } from "../../db/client.js";
import { NotFoundError, ValidationError } from "../../errors.js";
import type { AccountActor } from "../auth/actor.js";
import type { CompanyRow } from "../companies/companies.repository.js";
import { companyForAdmin } from "../companies/company-access.policy.js";
import { PARTNER_NOT_FOUND } from "../partners/partners.policy.js";
import { findPartner } from "../partners/partners.repository.js";
import { assertSeesPartnerUsage, assertSeesServiceUsage } from "./usage.policy.js";
import {
  type BreakdownDimension,
  breakdown,
  companiesUsage,
  dailyTotals,
  type Slice,
  type UsageSums,
} from "./usage.repository.js";
import type { PeriodInput, UsageSort } from "./usage.schemas.js";
import {
  breakdownCsv,
  companiesCsv,
  daysCsv,
  type Figures,
  fileSlug,
  USAGE_EXPORT_MAX_ROWS,
} from "./usage-export.js";

export type ExportFormat = "csv" | "json";
export type BreakdownTab = "endpoints" | "users" | "vmrs";

export const DELETED_NAME = "(deleted)";

const DIMENSIONS: Record<BreakdownTab, BreakdownDimension> = {
  endpoints: "endpoint",
  users: "user",
  vmrs: "vmr",
};

/** A file to download: its name, body and whether the rows stopped at USAGE_EXPORT_MAX_ROWS. */
export interface UsageFile {
  filename: string;
  format: ExportFormat;
  body: string;
  capped: boolean;
}

/** Seconds as minutes with one decimal. */
const minutes = (seconds: number) => Math.round(seconds / 6) / 10;

function figures(sums: UsageSums): Figures {
  return {
    calls: sums.calls,
    callMinutes: minutes(sums.callSeconds),
    roomMinutes: minutes(sums.roomSeconds),
  };
}

function add(a: UsageSums, b: UsageSums): UsageSums {
  return {
    calls: a.calls + b.calls,
    callSeconds: a.callSeconds + b.callSeconds,
    roomSeconds: a.roomSeconds + b.roomSeconds,
  };
}

const ZERO: UsageSums = { calls: 0, callSeconds: 0, roomSeconds: 0 };

/** The period asked for, defaults filled in from `today`; a 400 naming the field when it is not one. */
function periodOf(query: PeriodInput, today: string): UsagePeriod {
  const period = resolvePeriod(query, today);
  const problem = periodProblem(period);
  if (problem) throw new ValidationError({ [problem.field]: problem.message });
  return period;
}

const pageSlice = (page: number, pageSize: number): Slice => ({
  limit: pageSize,
  offset: (page - 1) * pageSize,
});
const exportSlice: Slice = { limit: USAGE_EXPORT_MAX_ROWS + 1, offset: 0 };

function file(name: string, format: ExportFormat, rows: unknown[], toCsv: () => string, json: () => unknown) {
  const capped = rows.length > USAGE_EXPORT_MAX_ROWS;
  const body = format === "csv" ? toCsv() : `${JSON.stringify(json(), null, 2)}\n`;
  return { filename: `${name}.${format}`, format, body, capped };
}

/**
 * Company usage (rules: usage.policy.ts): a company's figures, per day and by endpoint, user
 * and VMR, for its admins, its partner's admins and operators; per company for a partner and
 * for the whole service. Read-only: it reads `usage_daily`, which the event sink maintains.
 */
export class UsageService {
  constructor(private readonly deps: { db: Db; now?: () => Date }) {}

  private today(timeZone: string): string {
    return todayIn(timeZone, this.deps.now?.() ?? new Date());
  }

  async summary(actor: AccountActor, companyId: string, query: PeriodInput) {
    const company = await companyForAdmin(this.deps.db, actor, companyId);
    return this.summaryOf(company, query);
  }

  async exportSummary(actor: AccountActor, companyId: string, query: PeriodInput, format: ExportFormat) {
    const company = await companyForAdmin(this.deps.db, actor, companyId);
    const summary = await this.summaryOf(company, query);
    const name = `usage-${company.slug}-${summary.from}-to-${summary.to}`;
    return file(
      name,
      format,
      summary.days,
      () => daysCsv(summary.days),
      () => summary,
    );
  }

  /** Totals, the previous period's and every day's, from one read of the daily totals. */
  private async summaryOf(company: CompanyRow, query: PeriodInput) {
    const period = periodOf(query, this.today(company.timeZone));
    const previous = previousPeriod(period);
    const rows = await dailyTotals(this.deps.db, company.id, { from: previous.from, to: period.to });
    const byDay = new Map(rows.map((row) => [row.day, row]));
    let current = ZERO;
    let before = ZERO;
    for (const row of rows) {
      if (row.day >= period.from) current = add(current, row);
      else before = add(before, row);
    }
    return {
      ...period,
      timeZone: company.timeZone,
      totals: figures(current),
      previous: { ...previous, ...figures(before) },
      days: eachDay(period).map((day) => ({ day, ...figures(byDay.get(day) ?? ZERO) })),
    };
  }

  private async breakdownRows(
    actor: AccountActor,
    companyId: string,
    tab: BreakdownTab,
    query: PeriodInput & { sort: UsageSort },
    slice: (period: UsagePeriod) => Slice,
  ) {
    const company = await companyForAdmin(this.deps.db, actor, companyId);
    const period = periodOf(query, this.today(company.timeZone));
    const { items, total } = await breakdown(
      this.deps.db,
      company.id,
      DIMENSIONS[tab],
      period,
      query.sort,
      slice(period),
    );
    const rows = items.map((row) => ({
      id: row.id,
      name: row.name ?? DELETED_NAME,
      address: row.name === null ? null : row.address,
      ...figures(row),
    }));
    return { company, period, rows, total };
  }

  async breakdown(
    actor: AccountActor,
    companyId: string,
    tab: BreakdownTab,
    query: PeriodInput & { sort: UsageSort; page: number; pageSize: number },
  ) {
    const { company, period, rows, total } = await this.breakdownRows(actor, companyId, tab, query, () =>
      pageSlice(query.page, query.pageSize),
    );
    return {
      ...period,
      timeZone: company.timeZone,
      items: rows,
      total,
      page: query.page,
      pageSize: query.pageSize,
    };
  }

  async exportBreakdown(
    actor: AccountActor,
    companyId: string,
    tab: BreakdownTab,
    query: PeriodInput & { sort: UsageSort },
    format: ExportFormat,
  ) {
    const { company, period, rows } = await this.breakdownRows(
      actor,
      companyId,
      tab,
      query,
      () => exportSlice,
    );
    const items = rows.slice(0, USAGE_EXPORT_MAX_ROWS);
    const name = `usage-${tab}-${company.slug}-${period.from}-to-${period.to}`;
    return file(
      name,
      format,
      rows,
      () => breakdownCsv(items),
      () => ({ ...period, timeZone: company.timeZone, items }),
    );
  }

  /** A partner's customers' usage (operators and that partner's admins); days are each company's own. */
  async partnerUsage(
    actor: AccountActor,
    partnerId: string,
    query: PeriodInput & { sort: UsageSort; page: number; pageSize: number },
  ) {
    await this.reachPartner(actor, partnerId);
    return this.companiesPage({ partnerId }, query);
  }

  async exportPartnerUsage(
    actor: AccountActor,
    partnerId: string,
    query: PeriodInput & { sort: UsageSort },
    format: ExportFormat,
  ) {
    const partner = await this.reachPartner(actor, partnerId);
    return this.companiesFile({ partnerId }, `usage-${fileSlug(partner.name)}`, query, format);
  }

  /** Every company's usage, for operators. */
  async serviceUsage(
    actor: AccountActor,
    query: PeriodInput & { sort: UsageSort; page: number; pageSize: number },
  ) {
    assertSeesServiceUsage(actor);
    return this.companiesPage({ partnerId: null }, query);
  }

  async exportServiceUsage(
    actor: AccountActor,
    query: PeriodInput & { sort: UsageSort },
    format: ExportFormat,
  ) {
    assertSeesServiceUsage(actor);
    return this.companiesFile({ partnerId: null }, "usage-all-companies", query, format);
  }

  private async reachPartner(actor: AccountActor, partnerId: string) {
    assertSeesPartnerUsage(actor, partnerId);
    const partner = await findPartner(this.deps.db, partnerId);
    if (!partner) throw new NotFoundError(PARTNER_NOT_FOUND);
    return partner;
  }

  /** Across companies there is no one time zone: a missing end defaults to today in UTC. */
  private async companiesRows(
    scope: { partnerId: string | null },
    query: PeriodInput & { sort: UsageSort },
    slice: Slice,
  ) {
    const period = periodOf(query, this.today("UTC"));
    const result = await companiesUsage(this.deps.db, scope, period, query.sort, slice);
    const items = result.items.map(({ callSeconds, roomSeconds, calls, ...company }) => ({
      ...company,
      ...figures({ calls, callSeconds, roomSeconds }),
    }));
    return { period, items, total: result.total, totals: figures(result.totals) };
  }

  private async companiesPage(
    scope: { partnerId: string | null },
    query: PeriodInput & { sort: UsageSort; page: number; pageSize: number },
  ) {
    const { period, items, total, totals } = await this.companiesRows(
      scope,
      query,
      pageSlice(query.page, query.pageSize),
    );
    return { ...period, totals, items, total, page: query.page, pageSize: query.pageSize };
  }

  private async companiesFile(
    scope: { partnerId: string | null },
    baseName: string,
    query: PeriodInput & { sort: UsageSort },
    format: ExportFormat,
  ): Promise<UsageFile> {
    const { period, items: rows, totals } = await this.companiesRows(scope, query, exportSlice);
    const items = rows.slice(0, USAGE_EXPORT_MAX_ROWS);
    return file(
      `${baseName}-${period.from}-to-${period.to}`,
      format,
      rows,
      () => companiesCsv(items),
      () => ({ ...period, totals, items }),
    );
  }
}
