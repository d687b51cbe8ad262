import { apiRequest } from "../../api/client";
import type { AuditEvent, AuditPerson, Page } from "../../api/types";

const auditPath = (companyId: string) => `/companies/${encodeURIComponent(companyId)}/audit-events`;

/** The filters as the page keeps them: dates are the browser's local days (YYYY-MM-DD). */
export interface AuditFilters {
  person: string;
  object: string;
  from: string;
  to: string;
}

/** A local day's first or last millisecond, as an ISO moment the server reads exactly. */
function localDayBound(day: string, end: boolean): string | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!match) return null;
  const [year, month, date] = [Number(match[1]), Number(match[2]) - 1, Number(match[3])];
  const moment = end ? new Date(year, month, date, 23, 59, 59, 999) : new Date(year, month, date);
  return Number.isNaN(moment.getTime()) ? null : moment.toISOString();
}

/**
 * The filters without paging, shared by the list and the CSV export. Days are sent as local
 * midnights, so "from 23 November" means the admin's 23 November, not UTC's.
 */
export function auditFilterQuery(filters: AuditFilters): URLSearchParams {
  const query = new URLSearchParams();
  if (filters.person) query.set("person", filters.person);
  if (filters.object.trim()) query.set("object", filters.object.trim());
  const from = localDayBound(filters.from, false);
  const to = localDayBound(filters.to, true);
  if (from) query.set("from", from);
  if (to) query.set("to", to);
  return query;
}

export function fetchAuditEvents(
  companyId: string,
  params: AuditFilters & { page: number; pageSize: number },
  signal?: AbortSignal,
): Promise<Page<AuditEvent>> {
  const query = auditFilterQuery(params);
  query.set("page", String(params.page));
  query.set("pageSize", String(params.pageSize));
  return apiRequest<Page<AuditEvent>>(`${auditPath(companyId)}?${query}`, { signal });
}

export function fetchAuditPeople(companyId: string, signal?: AbortSignal): Promise<AuditPerson[]> {
  return apiRequest<AuditPerson[]>(`${auditPath(companyId)}/people`, { signal });
}

/** A plain link (not fetch), so the browser downloads the file with the session cookie. */
export function auditCsvUrl(companyId: string, filters: AuditFilters): string {
  const query = auditFilterQuery(filters).toString();
  return `/api/v1${auditPath(companyId)}.csv${query ? `?${query}` : ""}`;
}
