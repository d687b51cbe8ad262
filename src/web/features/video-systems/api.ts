import { apiRequest } from "../../api/client";
import type {
  CreateVideoSystemInput,
  EndpointSubscriptions,
  UpdateVideoSystemInput,
  VideoSystem,
  VideoSystemBulkPreview,
  VideoSystemPage,
} from "../../api/types";

const systemsPath = (companyId: string) => `/companies/${encodeURIComponent(companyId)}/video-systems`;
const systemPath = (companyId: string, id: string) => `${systemsPath(companyId)}/${encodeURIComponent(id)}`;

export interface VideoSystemListParams {
  q: string;
  page: number;
  pageSize: number;
  twinned: "shared" | "twinned" | "all";
}

export function fetchVideoSystems(
  companyId: string,
  params: VideoSystemListParams,
  signal?: AbortSignal,
): Promise<VideoSystemPage> {
  const query = new URLSearchParams({
    page: String(params.page),
    pageSize: String(params.pageSize),
    twinned: params.twinned,
  });
  if (params.q.trim()) query.set("q", params.q.trim());
  return apiRequest(`${systemsPath(companyId)}?${query}`, { signal });
}

export function fetchVideoSystem(companyId: string, id: string, signal?: AbortSignal): Promise<VideoSystem> {
  return apiRequest(systemPath(companyId, id), { signal });
}

export function fetchMemberVideoSystems(
  companyId: string,
  memberId: string,
  signal?: AbortSignal,
): Promise<VideoSystem[]> {
  return apiRequest(
    `/companies/${encodeURIComponent(companyId)}/members/${encodeURIComponent(memberId)}/video-systems`,
    { signal },
  );
}

export function createVideoSystem(companyId: string, input: CreateVideoSystemInput): Promise<VideoSystem> {
  return apiRequest(systemsPath(companyId), { method: "POST", body: input });
}

export function updateVideoSystem(
  companyId: string,
  id: string,
  input: UpdateVideoSystemInput,
): Promise<VideoSystem> {
  return apiRequest(systemPath(companyId, id), { method: "PATCH", body: input });
}

export function deleteVideoSystems(
  companyId: string,
  ids: string[],
): Promise<{ deleted: number; endpointSubscriptions: EndpointSubscriptions }> {
  return apiRequest(`${systemsPath(companyId)}/delete`, { method: "POST", body: { ids } });
}

const csvFile = (file: Blob) => ({ data: file, type: "text/csv" });

/** Reads an uploaded file: every row with its problems. Nothing is written. */
export function previewBulkVideoSystems(companyId: string, file: Blob): Promise<VideoSystemBulkPreview> {
  return apiRequest(`${systemsPath(companyId)}/bulk/preview`, { method: "POST", file: csvFile(file) });
}

/** Creates the file's valid rows; `expected` is the count confirmed (409 if it changed). */
export function bulkCreateVideoSystems(
  companyId: string,
  file: Blob,
  expected: number,
): Promise<{ created: number; skipped: number; endpointSubscriptions: EndpointSubscriptions }> {
  return apiRequest(`${systemsPath(companyId)}/bulk?expect=${expected}`, {
    method: "POST",
    file: csvFile(file),
  });
}
