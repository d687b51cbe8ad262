import { apiRequest } from "../../api/client";
import type { Company } from "../../api/types";

const companyPath = (companyId: string) => `/companies/${encodeURIComponent(companyId)}`;

/** For the company's admins and for partner admins and operators acting for it. */
export function fetchCompany(companyId: string, signal?: AbortSignal): Promise<Company> {
  return apiRequest<Company>(companyPath(companyId), { signal });
}

/** What a company's admins may change in its settings. */
export interface CompanySettingsChanges {
  name?: string;
  timeZone?: string;
  hostPinOnAllPersonalRooms?: boolean;
}

export function updateCompanySettings(companyId: string, input: CompanySettingsChanges): Promise<Company> {
  return apiRequest<Company>(`${companyPath(companyId)}/settings`, { method: "PATCH", body: input });
}
