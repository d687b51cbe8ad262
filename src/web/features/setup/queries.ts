import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { meQueryKey } from "../auth/queries";
import { checkSetupToken, completeSetup, fetchSetupStatus } from "./api";

const setupStatusKey = ["setup", "status"] as const;

export function useSetupStatus() {
  return useQuery({ queryKey: setupStatusKey, queryFn: ({ signal }) => fetchSetupStatus(signal) });
}

export function useSetupToken(token: string) {
  return useQuery({
    queryKey: ["setup", "token", token],
    queryFn: ({ signal }) => checkSetupToken(token, signal),
    enabled: token.length > 0,
    // A used link stays used; re-checking on focus would only flash the loader.
    staleTime: Number.POSITIVE_INFINITY,
  });
}

export function useCompleteSetup() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: completeSetup,
    onSuccess: async (me) => {
      queryClient.setQueryData(meQueryKey, me);
      queryClient.setQueryData(setupStatusKey, { setupRequired: false });
      await queryClient.invalidateQueries({ queryKey: meQueryKey });
    },
  });
}
