import { keepPreviousData, useQuery } from "@tanstack/react-query";
import type { UsagePeriod } from "../../../domain/usage-period";
import {
  fetchCompaniesUsage,
  fetchUsageBreakdown,
  fetchUsageSummary,
  type UsageListParams,
  type UsageTab,
} from "./api";

export const USAGE_PAGE_SIZE = 25;

// Under ["company", id] so invalidateCompanyData (after any change to the company) refreshes the
// names in the tabs too.
const usageKey = (companyId: string) => ["company", companyId, "usage"] as const;

export function useUsageSummary(companyId: string, period: UsagePeriod, enabled = true) {
  return useQuery({
    queryKey: [...usageKey(companyId), "summary", period],
    queryFn: ({ signal }) => fetchUsageSummary(companyId, period, signal),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useUsageBreakdown(
  companyId: string,
  tab: UsageTab,
  params: Omit<UsageListParams, "pageSize">,
  enabled = true,
) {
  return useQuery({
    queryKey: [...usageKey(companyId), tab, params],
    queryFn: ({ signal }) =>
      fetchUsageBreakdown(companyId, tab, { ...params, pageSize: USAGE_PAGE_SIZE }, signal),
    placeholderData: keepPreviousData,
    enabled,
  });
}

/** A partner's customers' usage, or (partnerId null) every company's. */
export function useCompaniesUsage(
  partnerId: string | null,
  params: Omit<UsageListParams, "pageSize">,
  enabled = true,
) {
  return useQuery({
    queryKey: ["usage", partnerId ?? "all", params],
    queryFn: ({ signal }) => fetchCompaniesUsage(partnerId, { ...params, pageSize: USAGE_PAGE_SIZE }, signal),
    placeholderData: keepPreviousData,
    enabled,
  });
}
