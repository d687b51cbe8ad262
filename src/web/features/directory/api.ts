import { apiRequest } from "../../api/client";
import type { DirectoryEntry, Page } from "../../api/types";

export interface DirectoryParams {
  q: string;
  page: number;
  pageSize: number;
}

export function fetchDirectory(
  companyId: string,
  params: DirectoryParams,
  signal?: AbortSignal,
): Promise<Page<DirectoryEntry>> {
  const query = new URLSearchParams({ page: String(params.page), pageSize: String(params.pageSize) });
  if (params.q.trim()) query.set("q", params.q.trim());
  return apiRequest<Page<DirectoryEntry>>(
    `/companies/${encodeURIComponent(companyId)}/directory?${query.toString()}`,
    { signal },
  );
}
