import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { type AuditFilters, fetchAuditEvents, fetchAuditPeople } from "./api";

export const AUDIT_PAGE_SIZE = 25;

// Under ["company", id] so invalidateCompanyData (after any change to the company) refreshes the log.
const auditKey = (companyId: string) => ["company", companyId, "audit"] as const;

export function useAuditEvents(companyId: string, params: AuditFilters & { page: number }, enabled = true) {
  return useQuery({
    queryKey: [...auditKey(companyId), "list", params],
    queryFn: ({ signal }) => fetchAuditEvents(companyId, { ...params, pageSize: AUDIT_PAGE_SIZE }, signal),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useAuditPeople(companyId: string) {
  return useQuery({
    queryKey: [...auditKey(companyId), "people"],
    queryFn: ({ signal }) => fetchAuditPeople(companyId, signal),
  });
}
