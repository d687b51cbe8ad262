import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import {
  fetchEventSinkStatus,
  fetchInfinitySettings,
  fetchPolicyRequests,
  type InfinitySettings,
  updateInfinitySettings,
} from "./api";

export const POLICY_REQUESTS_LIMIT = 200;

const infinitySettingsKey = ["operator", "infinity"] as const;

export function useInfinitySettings() {
  return useQuery({
    queryKey: infinitySettingsKey,
    queryFn: ({ signal }) => fetchInfinitySettings(signal),
  });
}

export function useUpdateInfinitySettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateInfinitySettings,
    onSuccess: (settings: InfinitySettings) => queryClient.setQueryData(infinitySettingsKey, settings),
  });
}

export function usePolicyRequests(q: string) {
  return useQuery({
    queryKey: ["operator", "policy-requests", q, POLICY_REQUESTS_LIMIT],
    queryFn: ({ signal }) => fetchPolicyRequests(q, POLICY_REQUESTS_LIMIT, signal),
    // Keep the rows on screen while a new search loads, so the table does not jump.
    placeholderData: keepPreviousData,
  });
}

export function useEventSinkStatus() {
  return useQuery({
    queryKey: ["operator", "event-sink"],
    queryFn: ({ signal }) => fetchEventSinkStatus(signal),
  });
}
