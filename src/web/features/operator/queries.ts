import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { ListParams, ServiceSettings } from "../../api/types";
import { invalidateCompanyData } from "../partner/queries";
import {
  createPartner,
  fetchAllCompanies,
  fetchOutbox,
  fetchPartners,
  fetchServiceSettings,
  renamePartner,
  updateServiceSettings,
} from "./api";

export const OUTBOX_PAGE_SIZE = 20;
export const PARTNERS_PAGE_SIZE = 20;
export const ALL_COMPANIES_PAGE_SIZE = 20;

const serviceSettingsKey = ["service-settings"] as const;

export function useOutbox(page: number) {
  return useQuery({
    queryKey: ["operator", "outbox", page, OUTBOX_PAGE_SIZE],
    queryFn: ({ signal }) => fetchOutbox(page, OUTBOX_PAGE_SIZE, signal),
    // Keep the current rows on screen while the next page loads, so the table does not jump.
    placeholderData: keepPreviousData,
  });
}

export function useServiceSettings(options: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: serviceSettingsKey,
    queryFn: ({ signal }) => fetchServiceSettings(signal),
    enabled: options.enabled ?? true,
  });
}

export function useUpdateServiceSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateServiceSettings,
    onSuccess: async (settings: ServiceSettings) => {
      queryClient.setQueryData(serviceSettingsKey, settings);
      // The header shows the service name, which comes with Me.
      await queryClient.invalidateQueries({ queryKey: ["me"] });
    },
  });
}

export function usePartners(params: ListParams) {
  return useQuery({
    queryKey: ["partners", params],
    queryFn: ({ signal }) => fetchPartners(params, signal),
    placeholderData: keepPreviousData,
  });
}

export function useCreatePartner() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createPartner,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ["partners"] }),
  });
}

export function useRenamePartner(partnerId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { name: string }) => renamePartner(partnerId, input),
    // Partner names appear in company rows and banners too.
    onSuccess: () => invalidateCompanyData(queryClient),
  });
}

export function useAllCompanies(params: ListParams) {
  return useQuery({
    queryKey: ["companies", params],
    queryFn: ({ signal }) => fetchAllCompanies(params, signal),
    placeholderData: keepPreviousData,
  });
}
