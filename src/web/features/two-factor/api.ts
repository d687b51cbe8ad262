import { apiRequest } from "../../api/client";
import type { Me } from "../auth/api";

/**
 * Two-factor sign-in (TOTP). POST /auth/login answers 202 with a challenge instead of Me when a
 * second step is needed; the sign-in page then finishes with a code, a recovery code or — for
 * staff on a service that requires it — by enrolling an authenticator.
 */
export interface TwoFactorChallenge {
  status: "two_factor_required" | "two_factor_enrolment_required";
  challenge: string;
  expiresAt: string;
}

export function isTwoFactorChallenge(value: unknown): value is TwoFactorChallenge {
  return typeof value === "object" && value !== null && "challenge" in value && "status" in value;
}

export interface TwoFactorStatus {
  enabled: boolean;
  enabledAt: string | null;
  recoveryCodesLeft: number;
  /** The service requires it of this account (operators and partner admins). */
  required: boolean;
}

export interface TotpEnrolment {
  otpauthUri: string;
  /** PNG data URL. */
  qrCode: string;
  /** Base32, grouped in fours. */
  secret: string;
}

export interface RecoveryCodes {
  recoveryCodes: string[];
}

export type SecondFactor = { code: string } | { recoveryCode: string };

export function fetchTwoFactorStatus(signal?: AbortSignal): Promise<TwoFactorStatus> {
  return apiRequest<TwoFactorStatus>("/me/two-factor", { signal });
}

export function startEnrolment(): Promise<TotpEnrolment> {
  return apiRequest<TotpEnrolment>("/me/two-factor/enrolment", { method: "POST" });
}

export function confirmEnrolment(input: { code: string }): Promise<RecoveryCodes> {
  return apiRequest<RecoveryCodes>("/me/two-factor/enrolment/confirm", { method: "POST", body: input });
}

export function regenerateRecoveryCodes(input: { code: string }): Promise<RecoveryCodes> {
  return apiRequest<RecoveryCodes>("/me/two-factor/recovery-codes", { method: "POST", body: input });
}

export function disableTwoFactor(input: { password: string } & SecondFactor): Promise<void> {
  return apiRequest<void>("/me/two-factor/disable", { method: "POST", body: input });
}

export function completeSignIn(input: { challenge: string } & SecondFactor): Promise<Me> {
  return apiRequest<Me>("/auth/login/two-factor", { method: "POST", body: input });
}

export function startSignInEnrolment(input: { challenge: string }): Promise<TotpEnrolment> {
  return apiRequest<TotpEnrolment>("/auth/login/two-factor/enrolment", { method: "POST", body: input });
}

export function confirmSignInEnrolment(input: { challenge: string; code: string }): Promise<RecoveryCodes> {
  return apiRequest<RecoveryCodes>("/auth/login/two-factor/enrolment/confirm", {
    method: "POST",
    body: input,
  });
}

/** The operator setting lives in the service settings (GET/PATCH /service/settings). */
export interface StaffTwoFactorSetting {
  requireTwoFactorForStaff: boolean;
}

export function fetchStaffTwoFactorSetting(signal?: AbortSignal): Promise<StaffTwoFactorSetting> {
  return apiRequest<StaffTwoFactorSetting>("/service/settings", { signal });
}

export function updateStaffTwoFactorSetting(input: StaffTwoFactorSetting): Promise<StaffTwoFactorSetting> {
  return apiRequest<StaffTwoFactorSetting>("/service/settings", { method: "PATCH", body: input });
}
