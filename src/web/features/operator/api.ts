import { apiRequest } from "../../api/client";

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

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export function fetchOutbox(
  page: number,
  pageSize: number,
  signal?: AbortSignal,
): Promise<Page<OutboxEmail>> {
  const query = new URLSearchParams({ page: String(page), pageSize: String(pageSize) });
  return apiRequest<Page<OutboxEmail>>(`/operator/outbox?${query}`, { signal });
}
