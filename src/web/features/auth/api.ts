import { apiRequest, isApiError } from "../../api/client";
import type { TwoFactorChallenge } from "../two-factor/api";

export type AccountKind = "operator" | "partner_admin" | "member";

/** The signed-in account, as GET /me answers it. */
export interface Me {
  id: string;
  fullName: string;
  email: string;
  videoAddress: string | null;
  kind: AccountKind;
  role: "admin" | "member" | null;
  company: { id: string; name: string } | null;
  partner: { id: string; name: string } | null;
  /** The service's name and domains (first = primary), e.g. for address previews in forms. */
  service: { name: string; domains: string[] };
}

/** null means "not signed in"; a 401 is an answer here, not an error. */
export async function fetchMe(signal?: AbortSignal): Promise<Me | null> {
  try {
    return await apiRequest<Me>("/me", { signal });
  } catch (error) {
    if (isApiError(error, 401)) return null;
    throw error;
  }
}

/** Me, or a challenge for the second step of a two-factor sign-in (features/two-factor). */
export function login(input: { login: string; password: string }): Promise<Me | TwoFactorChallenge> {
  return apiRequest<Me | TwoFactorChallenge>("/auth/login", { method: "POST", body: input });
}

export function logout(): Promise<void> {
  return apiRequest<void>("/auth/logout", { method: "POST" });
}

export function changePassword(input: { currentPassword: string; newPassword: string }): Promise<void> {
  return apiRequest<void>("/me/password", { method: "POST", body: input });
}

export function requestPasswordReset(input: { email: string }): Promise<{ ok: true }> {
  return apiRequest<{ ok: true }>("/auth/password-reset", { method: "POST", body: input });
}

export function confirmPasswordReset(input: { token: string; password: string }): Promise<void> {
  return apiRequest<void>("/auth/password-reset/confirm", { method: "POST", body: input });
}
