import {
  keepPreviousData,
  type QueryClient,
  useMutation,
  useQuery,
  useQueryClient,
} from "@tanstack/react-query";
import type { Company, CreateCompanyInput, ListParams, UpdateCompanyInput } from "../../api/types";
import {
  createCompany,
  fetchPartner,
  fetchPartnerAdmins,
  fetchPartnerCompanies,
  fetchPartnerCompany,
  invitePartnerAdmin,
  updatePartnerCompany,
} from "./api";

export const COMPANIES_PAGE_SIZE = 20;
export const PARTNER_ADMINS_PAGE_SIZE = 50;

/**
 * A company or partner shows up in several lists (the partner's, the operator's, counts on the
 * partner row), so after any change every cached view of them is refreshed.
 */
export function invalidateCompanyData(queryClient: QueryClient): Promise<void> {
  return Promise.all(
    ["partners", "partner", "companies", "company"].map((key) =>
      queryClient.invalidateQueries({ queryKey: [key] }),
    ),
  ).then(() => undefined);
}

export function usePartner(partnerId: string, options: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: ["partner", partnerId],
    queryFn: ({ signal }) => fetchPartner(partnerId, signal),
    enabled: (options.enabled ?? true) && partnerId !== "",
  });
}

export function usePartnerAdmins(partnerId: string, params: ListParams) {
  return useQuery({
    queryKey: ["partner", partnerId, "admins", params],
    queryFn: ({ signal }) => fetchPartnerAdmins(partnerId, params, signal),
    placeholderData: keepPreviousData,
  });
}

export function useInvitePartnerAdmin(partnerId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { fullName: string; email: string }) => invitePartnerAdmin(partnerId, input),
    onSuccess: () => invalidateCompanyData(queryClient),
  });
}

export function usePartnerCompanies(partnerId: string, params: ListParams) {
  return useQuery({
    queryKey: ["partner", partnerId, "companies", params],
    queryFn: ({ signal }) => fetchPartnerCompanies(partnerId, params, signal),
    placeholderData: keepPreviousData,
  });
}

export function usePartnerCompany(partnerId: string, companyId: string) {
  return useQuery({
    queryKey: ["partner", partnerId, "company", companyId],
    queryFn: ({ signal }) => fetchPartnerCompany(partnerId, companyId, signal),
  });
}

export function useCreateCompany(partnerId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: CreateCompanyInput) => createCompany(partnerId, input),
    onSuccess: async (company: Company) => {
      await invalidateCompanyData(queryClient);
      queryClient.setQueryData(["partner", partnerId, "company", company.id], company);
    },
  });
}

export function useUpdatePartnerCompany(partnerId: string, companyId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: UpdateCompanyInput) => updatePartnerCompany(partnerId, companyId, input),
    onSuccess: async (company: Company) => {
      await invalidateCompanyData(queryClient);
      queryClient.setQueryData(["partner", partnerId, "company", companyId], company);
    },
  });
}
