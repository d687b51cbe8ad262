import { apiRequest } from "../../api/client";
import {
  type Company,
  type CompanySummary,
  type CreateCompanyInput,
  type ListParams,
  listQueryString,
  type Page,
  type Partner,
  type PartnerAdmin,
  type UpdateCompanyInput,
} from "../../api/types";

const partnerPath = (partnerId: string) => `/partners/${encodeURIComponent(partnerId)}`;
const companyPath = (partnerId: string, companyId: string) =>
  `${partnerPath(partnerId)}/companies/${encodeURIComponent(companyId)}`;

export function fetchPartner(partnerId: string, signal?: AbortSignal): Promise<Partner> {
  return apiRequest<Partner>(partnerPath(partnerId), { signal });
}

export function fetchPartnerAdmins(
  partnerId: string,
  params: ListParams,
  signal?: AbortSignal,
): Promise<Page<PartnerAdmin>> {
  return apiRequest<Page<PartnerAdmin>>(`${partnerPath(partnerId)}/admins?${listQueryString(params)}`, {
    signal,
  });
}

export function invitePartnerAdmin(
  partnerId: string,
  input: { fullName: string; email: string },
): Promise<PartnerAdmin> {
  return apiRequest<PartnerAdmin>(`${partnerPath(partnerId)}/admins`, { method: "POST", body: input });
}

export function fetchPartnerCompanies(
  partnerId: string,
  params: ListParams,
  signal?: AbortSignal,
): Promise<Page<CompanySummary>> {
  return apiRequest<Page<CompanySummary>>(`${partnerPath(partnerId)}/companies?${listQueryString(params)}`, {
    signal,
  });
}

export function createCompany(partnerId: string, input: CreateCompanyInput): Promise<Company> {
  return apiRequest<Company>(`${partnerPath(partnerId)}/companies`, { method: "POST", body: input });
}

export function fetchPartnerCompany(
  partnerId: string,
  companyId: string,
  signal?: AbortSignal,
): Promise<Company> {
  return apiRequest<Company>(companyPath(partnerId, companyId), { signal });
}

export function updatePartnerCompany(
  partnerId: string,
  companyId: string,
  input: UpdateCompanyInput,
): Promise<Company> {
  return apiRequest<Company>(companyPath(partnerId, companyId), { method: "PATCH", body: input });
}
