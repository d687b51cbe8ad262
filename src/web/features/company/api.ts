import { apiRequest } from "../../api/client";
import type { Company } from "../../api/types";

const companyPath = (companyId: string) => `/companies/${encodeURIComponent(companyId)}`;

/** For the company's admins and for partner admins and operators acting for it. */
export function fetchCompany(companyId: string, signal?: AbortSignal): Promise<Company> {
  return apiRequest<Company>(companyPath(companyId), { signal });
}

export function updateCompanySettings(
  companyId: string,
  input: { name?: string; timeZone?: string },
): Promise<Company> {
  return apiRequest<Company>(`${companyPath(companyId)}/settings`, { method: "PATCH", body: input });
}
