import { z } from "zod";
import { email, fullName, id, listOf, pagination, searchText } from "../../lib/http-schemas.js";
import { MEMBER_SORTS } from "./members.repository.js";

export const memberStatus = z.enum(["active", "invited", "suspended"]);
export const memberRole = z.enum(["admin", "member"]);

export const memberFilterQuery = z.strictObject({
  q: searchText,
  sort: z.enum(MEMBER_SORTS).default("fullName"),
  status: memberStatus.optional(),
});
export const memberListQuery = memberFilterQuery.extend(pagination);
export type MemberListInput = z.infer<typeof memberListQuery>;
export type MemberFilterInput = z.infer<typeof memberFilterQuery>;

export const companyParams = z.strictObject({ companyId: id });
export const memberParams = z.strictObject({ companyId: id, memberId: id });

export const licences = z
  .object({ used: z.number(), total: z.number(), remaining: z.number() })
  .meta({ id: "Licences" });

export const memberSummary = z
  .object({
    id: z.string(),
    fullName: z.string(),
    email: z.string(),
    videoAddress: z.string(),
    role: memberRole,
    status: memberStatus,
    personalRoomAddress: z.string().nullable(),
    createdAt: z.string(),
  })
  .meta({ id: "MemberSummary" });

export const member = memberSummary
  .extend({
    personalRoom: z
      .object({
        id: z.string(),
        name: z.string(),
        address: z.string(),
        hostPin: z.string().nullable(),
        guestPin: z.string().nullable(),
      })
      .nullable(),
    invitation: z
      .object({ invitedAt: z.string(), invitedBy: z.string().nullable(), expiresAt: z.string() })
      .nullable(),
  })
  .meta({ id: "Member" });

export const memberListResponse = listOf(memberSummary).extend({
  /** A search matching more than 10,000 members counts to 10,000 and says so here. */
  totalCapped: z.boolean(),
  licences,
});

/** A local part as typed: trimmed and lowercased; the rules are checked with the domain. */
const localPart = z
  .string()
  .max(320, "Too long.")
  .transform((value) => value.trim().toLowerCase());
/** A PIN, or null / "" to remove it; the rules are checked on the pair (`pinProblems`). */
const pin = z
  .string()
  .max(100, "Too long.")
  .transform((value) => value.trim())
  .nullable();

export const updateMemberBody = z.strictObject({
  fullName: fullName.optional(),
  email: email.optional(),
  videoAddressLocalPart: localPart.optional(),
  role: memberRole.optional(),
  personalRoom: z
    .strictObject({
      name: fullName.optional(),
      addressLocalPart: localPart.optional(),
      hostPin: pin.optional(),
      guestPin: pin.optional(),
    })
    .optional(),
});
export type UpdateMemberInput = z.infer<typeof updateMemberBody>;

export const updateMemberResponse = z.object({ member, warnings: z.array(z.string()) });

export const memberIdsBody = z.strictObject({
  ids: z.array(id).min(1, "Choose at least one member.").max(500, "Choose at most 500 members at once."),
});

export const deleteMembersResponse = z.object({ deleted: z.number() });
export const okResponse = z.object({ ok: z.literal(true) });
