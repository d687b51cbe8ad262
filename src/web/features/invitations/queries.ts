import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { Me } from "../auth/api";
import { meQueryKey } from "../auth/queries";
import { acceptInvitation, fetchInvitation, isSignInRequired, type SignInRequired } from "./api";

export function useInvitation(token: string) {
  return useQuery({
    queryKey: ["invitation", token],
    queryFn: ({ signal }) => fetchInvitation(token, signal),
  });
}

export function useAcceptInvitation(token: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { password: string }) => acceptInvitation(token, input),
    onSuccess: (me: Me | SignInRequired) => {
      if (isSignInRequired(me)) return;
      // Accepting signs in as the new account: nothing cached for a previous one may show.
      // The invitation itself is kept: the page still shows it until it navigates away, and a
      // refetch now would only find the link used.
      queryClient.removeQueries({
        predicate: (query) => query.queryKey[0] !== meQueryKey[0] && query.queryKey[0] !== "invitation",
      });
      queryClient.setQueryData(meQueryKey, me);
    },
  });
}
