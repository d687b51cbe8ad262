import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { invalidateCompanyData } from "../partner/queries";
import { fetchActivation, fetchConnectLink, issueActivationCode, rotateConnectToken } from "./api";

/** Under the company's video-systems key, so `invalidateCompanyData` refreshes these pages too. */
const systemKey = (companyId: string, id: string) =>
  ["company", companyId, "video-systems", "one", id] as const;

export function useActivation(companyId: string, id: string) {
  return useQuery({
    queryKey: [...systemKey(companyId, id), "activation"],
    queryFn: ({ signal }) => fetchActivation(companyId, id, signal),
  });
}

export function useIssueActivationCode(companyId: string, id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => issueActivationCode(companyId, id),
    onSuccess: () => invalidateCompanyData(queryClient),
  });
}

export function useConnectLink(companyId: string, id: string) {
  return useQuery({
    queryKey: [...systemKey(companyId, id), "meeting-connect"],
    queryFn: ({ signal }) => fetchConnectLink(companyId, id, signal),
  });
}

export function useRotateConnectToken(companyId: string, id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => rotateConnectToken(companyId, id),
    onSuccess: () => invalidateCompanyData(queryClient),
  });
}
