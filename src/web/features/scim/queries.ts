import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { createScimToken, fetchScimTokens, revokeScimToken } from "./api";

/** Under the "company" key, so company-wide refreshes include it. */
const scimTokensKey = (companyId: string) => ["company", companyId, "scim-tokens"] as const;

export function useScimTokens(companyId: string) {
  return useQuery({
    queryKey: scimTokensKey(companyId),
    queryFn: ({ signal }) => fetchScimTokens(companyId, signal),
  });
}

export function useCreateScimToken(companyId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (name: string) => createScimToken(companyId, name),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: scimTokensKey(companyId) }),
  });
}

export function useRevokeScimToken(companyId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (tokenId: string) => revokeScimToken(companyId, tokenId),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: scimTokensKey(companyId) }),
  });
}
