import { z } from "zod";
import { existingPassword } from "../../lib/http-schemas.js";
import type { Factor } from "./factor-check.js";
import { normaliseRecoveryCode, RECOVERY_CODE_PATTERN, TOTP_CODE_PATTERN } from "./totp.js";

const CODE_MESSAGE = "Enter the 6-digit code from your authenticator app.";
const RECOVERY_MESSAGE = "Enter one of your recovery codes, like abcd-2345.";

/** Spaces people type ("123 456") are dropped before the 6 digits are checked. */
export const totpCode = z
  .string(CODE_MESSAGE)
  .max(20, CODE_MESSAGE)
  .transform((value) => value.replace(/\s/g, ""))
  .refine((value) => TOTP_CODE_PATTERN.test(value), CODE_MESSAGE);

export const recoveryCode = z
  .string(RECOVERY_MESSAGE)
  .max(40, RECOVERY_MESSAGE)
  .refine((value) => RECOVERY_CODE_PATTERN.test(normaliseRecoveryCode(value)), RECOVERY_MESSAGE);

const challenge = z.string("Required.").min(1, "Required.").max(200, "Too long.");

/** Either `code` or `recoveryCode`, never both or neither. */
function oneFactor<T extends { code?: string; recoveryCode?: string }>(value: T, ctx: z.RefinementCtx) {
  if ((value.code === undefined) === (value.recoveryCode === undefined)) {
    ctx.addIssue({
      code: "custom",
      path: [value.recoveryCode === undefined ? "code" : "recoveryCode"],
      message: "Enter either a code from your authenticator app or a recovery code.",
    });
  }
}

export function toFactor(input: { code?: string; recoveryCode?: string }): Factor {
  return input.code !== undefined ? { code: input.code } : { recoveryCode: input.recoveryCode ?? "" };
}

export const twoFactorChallengeResponse = z
  .object({
    status: z.enum(["two_factor_required", "two_factor_enrolment_required"]),
    challenge: z.string(),
    expiresAt: z.string(),
  })
  .meta({ id: "TwoFactorChallenge" });

export const twoFactorStatusResponse = z
  .object({
    enabled: z.boolean(),
    enabledAt: z.string().nullable(),
    recoveryCodesLeft: z.number(),
    /** The service requires it of this account (operators and partner admins). */
    required: z.boolean(),
  })
  .meta({ id: "TwoFactorStatus" });

export const enrolmentResponse = z
  .object({ otpauthUri: z.string(), qrCode: z.string(), secret: z.string() })
  .meta({ id: "TwoFactorEnrolment" });

export const recoveryCodesResponse = z
  .object({ recoveryCodes: z.array(z.string()) })
  .meta({ id: "TwoFactorRecoveryCodes" });

export const codeBody = z.strictObject({ code: totpCode });

export const disableBody = z
  .strictObject({
    password: existingPassword,
    code: totpCode.optional(),
    recoveryCode: recoveryCode.optional(),
  })
  .superRefine(oneFactor);

export const loginTwoFactorBody = z
  .strictObject({ challenge, code: totpCode.optional(), recoveryCode: recoveryCode.optional() })
  .superRefine(oneFactor);

export const challengeBody = z.strictObject({ challenge });

export const challengeCodeBody = z.strictObject({ challenge, code: totpCode });
