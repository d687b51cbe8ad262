import { z } from "zod";
import { email, fullName, listOf, pagination } from "../../lib/http-schemas.js";
import { licences, member, memberRole } from "../members/members.schemas.js";

export const pendingInvitation = z
  .object({
    memberId: z.string(),
    fullName: z.string(),
    email: z.string(),
    videoAddress: z.string(),
    invitedAt: z.string(),
    invitedBy: z.string().nullable(),
    expiresAt: z.string(),
    expired: z.boolean(),
  })
  .meta({ id: "PendingInvitation" });

export const pendingInvitationsQuery = z.strictObject(pagination);
export const pendingInvitationsResponse = listOf(pendingInvitation);

export const inviteMemberBody = z.strictObject({
  fullName,
  email,
  /** A full address or a bare local part (completed with the company's first video domain). */
  videoAddress: z.string().max(320, "Too long."),
  role: memberRole,
});
export type InviteMemberInput = z.infer<typeof inviteMemberBody>;

export const inviteMemberResponse = z.object({ member, licences });
export const resendResponse = z.object({ resent: z.number() });
export const revokeResponse = z.object({ revoked: z.number() });
