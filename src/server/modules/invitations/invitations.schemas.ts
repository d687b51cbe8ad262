import { z } from "zod";
import { newPassword } from "../../lib/http-schemas.js";

export const invitationToken = z.strictObject({ token: z.string().min(1).max(200) });

export const invitationResponse = z
  .object({
    fullName: z.string(),
    email: z.string(),
    kind: z.enum(["partner_admin", "member"]),
    companyName: z.string().nullable(),
    partnerName: z.string().nullable(),
    videoAddress: z.string().nullable(),
    expiresAt: z.string(),
    /** "required": accept by signing in through the company's identity provider, not with a password. */
    singleSignOn: z.enum(["none", "available", "required"]),
  })
  .meta({ id: "Invitation" });

export const acceptInvitationBody = z.strictObject({ password: newPassword });

/** Accepted, but not signed in: the account signs in next (two-factor sign-in to set up). */
export const signInRequiredResponse = z
  .object({ status: z.literal("sign_in_required"), login: z.string() })
  .meta({ id: "InvitationSignInRequired" });
