import { apiRequest } from "../../api/client";
import {
  type CompanySummary,
  type ListParams,
  listQueryString,
  type Page,
  type Partner,
  type ServiceSettings,
} from "../../api/types";

export type { Page } from "../../api/types";

export type OutboxStatus = "pending" | "sent" | "failed" | "logged";

export interface OutboxEmail {
  id: string;
  to: string;
  subject: string;
  text: string;
  status: OutboxStatus;
  attempts: number;
  lastError: string | null;
  createdAt: string;
  sentAt: string | null;
}

export function fetchOutbox(
  page: number,
  pageSize: number,
  signal?: AbortSignal,
): Promise<Page<OutboxEmail>> {
  const query = new URLSearchParams({ page: String(page), pageSize: String(pageSize) });
  return apiRequest<Page<OutboxEmail>>(`/operator/outbox?${query}`, { signal });
}

export function fetchServiceSettings(signal?: AbortSignal): Promise<ServiceSettings> {
  return apiRequest<ServiceSettings>("/service/settings", { signal });
}

export function updateServiceSettings(input: Partial<ServiceSettings>): Promise<ServiceSettings> {
  return apiRequest<ServiceSettings>("/service/settings", { method: "PATCH", body: input });
}

export function fetchPartners(params: ListParams, signal?: AbortSignal): Promise<Page<Partner>> {
  return apiRequest<Page<Partner>>(`/partners?${listQueryString(params)}`, { signal });
}

export function createPartner(input: { name: string }): Promise<Partner> {
  return apiRequest<Partner>("/partners", { method: "POST", body: input });
}

export function renamePartner(partnerId: string, input: { name: string }): Promise<Partner> {
  return apiRequest<Partner>(`/partners/${encodeURIComponent(partnerId)}`, { method: "PATCH", body: input });
}

export function fetchAllCompanies(params: ListParams, signal?: AbortSignal): Promise<Page<CompanySummary>> {
  return apiRequest<Page<CompanySummary>>(`/companies?${listQueryString(params)}`, { signal });
}
