import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import {
  discoverSso,
  fetchSsoSettings,
  removeSsoSettings,
  type SaveSsoInput,
  saveSsoSettings,
  testSsoDiscovery,
} from "./api";

export const ssoSettingsKey = (companyId: string) => ["company", companyId, "sso"] as const;

export function useSsoSettings(companyId: string) {
  return useQuery({
    queryKey: ssoSettingsKey(companyId),
    queryFn: ({ signal }) => fetchSsoSettings(companyId, signal),
  });
}

export function useSaveSsoSettings(companyId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: SaveSsoInput) => saveSsoSettings(companyId, input),
    onSuccess: (answer) => queryClient.setQueryData(ssoSettingsKey(companyId), answer),
  });
}

export function useRemoveSsoSettings(companyId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => removeSsoSettings(companyId),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ssoSettingsKey(companyId) }),
  });
}

export function useTestSsoDiscovery(companyId: string) {
  return useMutation({ mutationFn: (issuer: string) => testSsoDiscovery(companyId, issuer) });
}

const LOOKS_LIKE_EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * Whether the email typed on the sign-in page signs in through single sign-on. Asked once the
 * login looks like an email (video addresses never do SSO); the answer depends on its domain only.
 */
export function useSsoAvailability(login: string) {
  const email = login.trim().toLowerCase();
  const domain = LOOKS_LIKE_EMAIL.test(email) ? email.slice(email.lastIndexOf("@") + 1) : null;
  const query = useQuery({
    queryKey: ["sso-availability", domain],
    // Asked with the whole email (the API wants one); cached by domain, which is all it depends on.
    queryFn: ({ signal }) => discoverSso(email, signal),
    enabled: domain !== null,
    staleTime: 5 * 60_000,
    retry: false,
  });
  return { email, availability: domain ? (query.data?.sso ?? "none") : "none" };
}
