import type { UsagePeriod } from "../../../domain/usage-period";
import { apiRequest } from "../../api/client";
import type { Page } from "../../api/types";

/** The figures every usage view shows (definitions: usageDefinitions.ts). */
export interface UsageFigures {
  calls: number;
  callMinutes: number;
  roomMinutes: number;
}

export interface UsageSummary extends UsagePeriod {
  timeZone: string;
  totals: UsageFigures;
  previous: UsagePeriod & UsageFigures;
  days: (UsageFigures & { day: string })[];
}

export interface UsageBreakdownItem extends UsageFigures {
  id: string;
  /** "(deleted)" once the item is gone. */
  name: string;
  address: string | null;
}

export interface CompanyUsageItem extends UsageFigures {
  companyId: string;
  companyName: string;
  partnerId: string;
  partnerName: string;
}

export type UsageTab = "endpoints" | "users" | "vmrs";
export type UsageFormat = "csv" | "json";

export interface UsageListParams extends UsagePeriod {
  sort: string;
  page: number;
  pageSize: number;
}

const companyUsagePath = (companyId: string) => `/companies/${encodeURIComponent(companyId)}/usage`;
const partnerUsagePath = (partnerId: string) => `/partners/${encodeURIComponent(partnerId)}/usage`;

function query(params: Partial<UsageListParams>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== "") search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : "";
}

export function fetchUsageSummary(companyId: string, period: UsagePeriod, signal?: AbortSignal) {
  return apiRequest<UsageSummary>(`${companyUsagePath(companyId)}${query(period)}`, { signal });
}

export function fetchUsageBreakdown(
  companyId: string,
  tab: UsageTab,
  params: UsageListParams,
  signal?: AbortSignal,
) {
  return apiRequest<Page<UsageBreakdownItem> & UsagePeriod>(
    `${companyUsagePath(companyId)}/${tab}${query(params)}`,
    { signal },
  );
}

export type CompaniesUsagePage = Page<CompanyUsageItem> & UsagePeriod & { totals: UsageFigures };

/** A partner's customers (partnerId), or every company (null, operators). */
export function fetchCompaniesUsage(partnerId: string | null, params: UsageListParams, signal?: AbortSignal) {
  const path = partnerId ? partnerUsagePath(partnerId) : "/usage";
  return apiRequest<CompaniesUsagePage>(`${path}${query(params)}`, { signal });
}

/** Plain links (not fetch), so the browser downloads the files with the session cookie. */
export const usageExportUrl = {
  summary: (companyId: string, period: UsagePeriod, format: UsageFormat) =>
    `/api/v1${companyUsagePath(companyId)}.${format}${query(period)}`,
  breakdown: (
    companyId: string,
    tab: UsageTab,
    params: UsagePeriod & { sort: string },
    format: UsageFormat,
  ) => `/api/v1${companyUsagePath(companyId)}/${tab}.${format}${query(params)}`,
  companies: (partnerId: string | null, params: UsagePeriod & { sort: string }, format: UsageFormat) =>
    `/api/v1${partnerId ? partnerUsagePath(partnerId) : "/usage"}.${format}${query(params)}`,
};
