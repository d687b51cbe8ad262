import { apiRequest } from "../../api/client";

/*
 * The shapes of /operator/infinity and /operator/policy-requests (infinity-settings.schemas.ts).
 * Kept beside their only user, like the outbox's.
 */

export interface CredentialsView {
  username: string | null;
  passwordSet: boolean;
  /** The environment variables that fix these values on the server, or null (editable here). */
  setBy: string[] | null;
}

export interface InfinitySettings {
  policy: CredentialsView;
  eventSink: CredentialsView;
  managementApi: CredentialsView & { url: string | null };
  rejectUnknownInOurDomains: boolean;
  defaultDomain: string | null;
  effectiveDefaultDomain: string | null;
  serviceDomains: string[];
  updatedAt: string | null;
  summary: {
    policyProfileUrl: string;
    policyUsername: string | null;
    requestTypes: { enable: string[]; leaveToInfinity: string[] };
    eventSinkUrl: string;
    eventSinkUsername: string | null;
    text: string;
  };
}

/** A credential pair to save: without password, the saved one is kept; null removes the pair. */
export interface CredentialsInput {
  username: string;
  password?: string;
}

export interface InfinitySettingsInput {
  policy?: CredentialsInput | null;
  eventSink?: CredentialsInput | null;
  managementApi?: (CredentialsInput & { url: string }) | null;
  rejectUnknownInOurDomains?: boolean;
  defaultDomain?: string | null;
}

export interface PolicyRequestEntry {
  id: number;
  at: string;
  path: string;
  query: string;
  status: number;
  answer: unknown;
  durationMs: number;
}

export interface PolicyRequests {
  entries: PolicyRequestEntry[];
  capacity: number;
  /** Says that the log is this instance's only. */
  instance: string;
}

export function fetchInfinitySettings(signal?: AbortSignal): Promise<InfinitySettings> {
  return apiRequest<InfinitySettings>("/operator/infinity", { signal });
}

export function updateInfinitySettings(input: InfinitySettingsInput): Promise<InfinitySettings> {
  return apiRequest<InfinitySettings>("/operator/infinity", { method: "PATCH", body: input });
}

export function fetchPolicyRequests(q: string, limit: number, signal?: AbortSignal): Promise<PolicyRequests> {
  const query = new URLSearchParams({ limit: String(limit) });
  if (q) query.set("q", q);
  return apiRequest<PolicyRequests>(`/operator/policy-requests?${query}`, { signal });
}

/** GET /operator/event-sink (event-sink-status.ts). */
export interface EventSinkStatus {
  counters: { accepted: number; duplicates: number; ignored: number; rejected: number; swept: number };
  pending: number;
  lastReceivedAt: string | null;
  rejected: Array<{
    receivedAt: string;
    node: string | null;
    event: string | null;
    reason: string;
    sample: string;
  }>;
}

export function fetchEventSinkStatus(signal?: AbortSignal): Promise<EventSinkStatus> {
  return apiRequest<EventSinkStatus>("/operator/event-sink", { signal });
}
