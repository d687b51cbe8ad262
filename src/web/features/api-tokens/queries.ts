import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { createApiToken, fetchApiTokens, revokeApiToken } from "./api";

export const API_TOKENS_PAGE_SIZE = 20;

// Not under the "me" key: signing in clears every other key, so another account's tokens can
// never show from the cache.
const apiTokensKey = ["api-tokens"] as const;

export function useApiTokens(page: number) {
  return useQuery({
    queryKey: [...apiTokensKey, page],
    queryFn: ({ signal }) => fetchApiTokens(page, API_TOKENS_PAGE_SIZE, signal),
    placeholderData: keepPreviousData,
  });
}

function useApiTokenMutation<TInput, TResult>(mutationFn: (input: TInput) => Promise<TResult>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: apiTokensKey }),
  });
}

export function useCreateApiToken() {
  return useApiTokenMutation(createApiToken);
}

export function useRevokeApiToken() {
  return useApiTokenMutation(revokeApiToken);
}
