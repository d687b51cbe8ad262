import { type QueryClient, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useNavigate } from "react-router";
import { isApiError } from "../../api/client";
import { isTwoFactorChallenge } from "../two-factor/api";
import {
  changePassword,
  confirmPasswordReset,
  fetchMe,
  login,
  logout,
  type Me,
  requestPasswordReset,
} from "./api";

export const meQueryKey = ["me"] as const;

export function useMe() {
  return useQuery({ queryKey: meQueryKey, queryFn: ({ signal }) => fetchMe(signal), staleTime: 60_000 });
}

/** For pages inside the signed-in layout, which only renders once Me is known. */
export function useSignedInMe(): Me {
  const { data } = useMe();
  if (!data) throw new Error("useSignedInMe used outside the signed-in layout");
  return data;
}

/** After a sign-in (password, or its two-factor second step): Me becomes the signed-in account. */
export async function enterSession(queryClient: QueryClient, me: Me): Promise<void> {
  // Another account's cached data must never show, so start from a clean cache.
  queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== meQueryKey[0] });
  queryClient.setQueryData(meQueryKey, me);
  await queryClient.invalidateQueries({ queryKey: meQueryKey });
}

export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: login,
    onSuccess: async (result) => {
      // A two-factor challenge is not a session yet: the sign-in page asks for the code.
      if (isTwoFactorChallenge(result)) return;
      await enterSession(queryClient, result);
    },
  });
}

/**
 * Signs out and goes to the sign-in page. Navigation happens here, not in the caller: clearing
 * the session unmounts the signed-in layout (and the menu that started this), whose own
 * callbacks would then never run.
 */
export function useLogout() {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  return useMutation({
    mutationFn: async () => {
      try {
        await logout();
      } catch (error) {
        // Already signed out (expired session): the goal is reached.
        if (!isApiError(error, 401)) throw error;
      }
    },
    onSuccess: () => {
      queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== meQueryKey[0] });
      queryClient.setQueryData(meQueryKey, null);
      navigate("/sign-in", { replace: true });
    },
  });
}

export function useChangePassword() {
  return useMutation({ mutationFn: changePassword });
}

export function useRequestPasswordReset() {
  return useMutation({ mutationFn: requestPasswordReset });
}

export function useConfirmPasswordReset() {
  return useMutation({ mutationFn: confirmPasswordReset });
}
