import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { Company } from "../../api/types";
import { meQueryKey } from "../auth/queries";
import { invalidateCompanyData } from "../partner/queries";
import { type CompanySettingsChanges, fetchCompany, updateCompanySettings } from "./api";

export const companyQueryKey = (companyId: string) => ["company", companyId] as const;

export function useCompany(companyId: string) {
  return useQuery({
    queryKey: companyQueryKey(companyId),
    queryFn: ({ signal }) => fetchCompany(companyId, signal),
  });
}

export function useUpdateCompanySettings(companyId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: CompanySettingsChanges) => updateCompanySettings(companyId, input),
    onSuccess: async (company: Company) => {
      await invalidateCompanyData(queryClient);
      queryClient.setQueryData(companyQueryKey(companyId), company);
      // A member's own company name is part of Me (account page, home page summary).
      await queryClient.invalidateQueries({ queryKey: meQueryKey });
    },
  });
}
