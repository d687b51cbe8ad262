import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { enterSession } from "../auth/queries";
import {
  completeSignIn,
  confirmEnrolment,
  confirmSignInEnrolment,
  disableTwoFactor,
  fetchStaffTwoFactorSetting,
  fetchTwoFactorStatus,
  regenerateRecoveryCodes,
  startEnrolment,
  startSignInEnrolment,
  updateStaffTwoFactorSetting,
} from "./api";

export const twoFactorStatusKey = ["me", "two-factor"] as const;
const staffSettingKey = ["service-settings", "two-factor"] as const;

export function useTwoFactorStatus() {
  return useQuery({ queryKey: twoFactorStatusKey, queryFn: ({ signal }) => fetchTwoFactorStatus(signal) });
}

/** Every change on the account page refreshes the status shown above it. */
function useStatusChange<TInput, TOutput>(mutationFn: (input: TInput) => Promise<TOutput>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: twoFactorStatusKey }),
  });
}

export function useStartEnrolment() {
  return useMutation({ mutationFn: startEnrolment });
}

export function useConfirmEnrolment() {
  return useStatusChange(confirmEnrolment);
}

export function useRegenerateRecoveryCodes() {
  return useStatusChange(regenerateRecoveryCodes);
}

export function useDisableTwoFactor() {
  return useStatusChange(disableTwoFactor);
}

/** The sign-in page's second step: a session starts, so the cache starts afresh. */
export function useCompleteSignIn() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: completeSignIn, onSuccess: (me) => enterSession(queryClient, me) });
}

export function useStartSignInEnrolment() {
  return useMutation({ mutationFn: startSignInEnrolment });
}

/** Signs in too (the cookie is set), but the page shows the recovery codes before going on. */
export function useConfirmSignInEnrolment() {
  return useMutation({ mutationFn: confirmSignInEnrolment });
}

export function useStaffTwoFactorSetting() {
  return useQuery({ queryKey: staffSettingKey, queryFn: ({ signal }) => fetchStaffTwoFactorSetting(signal) });
}

export function useUpdateStaffTwoFactorSetting() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateStaffTwoFactorSetting,
    onSuccess: async (saved) => {
      queryClient.setQueryData(staffSettingKey, { requireTwoFactorForStaff: saved.requireTwoFactorForStaff });
      await queryClient.invalidateQueries({ queryKey: ["service-settings"] });
      await queryClient.invalidateQueries({ queryKey: twoFactorStatusKey });
    },
  });
}
