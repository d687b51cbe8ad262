import { z } from "zod";
import { existingPassword, newPassword } from "../../lib/http-schemas.js";

export const meResponse = z
  .object({
    id: z.string(),
    fullName: z.string(),
    email: z.string(),
    videoAddress: z.string().nullable(),
    kind: z.enum(["operator", "partner_admin", "member"]),
    role: z.enum(["admin", "member"]).nullable(),
    company: z.object({ id: z.string(), name: z.string() }).nullable(),
    partner: z.object({ id: z.string(), name: z.string() }).nullable(),
    service: z.object({ name: z.string(), domains: z.array(z.string()) }),
  })
  .meta({ id: "Me" });

export const loginBody = z.strictObject({
  login: z.string().trim().min(1, "Enter your email or video address.").max(320, "Too long."),
  password: existingPassword,
});

export const changePasswordBody = z.strictObject({
  currentPassword: existingPassword,
  newPassword,
});

export const passwordResetRequestBody = z.strictObject({
  // Not validated as an email: the answer must be the same for anything typed.
  email: z.string().trim().min(1, "Enter your email address.").max(320, "Too long."),
});

export const passwordResetConfirmBody = z.strictObject({
  token: z.string().min(1, "Required.").max(200, "Too long."),
  password: newPassword,
});
