import { z } from "zod";
import { fullName, id, listOf, pagination, searchText } from "../../lib/http-schemas.js";

export const companyParams = z.strictObject({ companyId: id });
export const videoSystemParams = z.strictObject({ companyId: id, videoSystemId: id });
export const memberParams = z.strictObject({ companyId: id, memberId: id });

export const TWINNED_FILTERS = ["shared", "twinned", "all"] as const;

export const videoSystemListQuery = z.strictObject({
  q: searchText,
  /** The Video systems tab lists shared systems; twinned ones appear under their member. */
  twinned: z.enum(TWINNED_FILTERS).default("shared"),
  ...pagination,
});
export type VideoSystemListInput = z.infer<typeof videoSystemListQuery>;

/** As typed: trimmed and lowercased; the address rules are checked with the company's domains. */
const addressInput = z
  .string()
  .max(320, "Too long.")
  .transform((value) => value.trim().toLowerCase());

const serialNumber = z
  .string()
  .max(100, "Use at most 100 characters.")
  .transform((value) => value.trim() || null)
  .nullable();

export const createVideoSystemBody = z.strictObject({
  /** The name shown in conferences and in the directory. */
  name: fullName,
  /** A full address on one of the company's video domains, or a bare name part (first domain). Not needed with useMemberAddress. */
  videoAddress: addressInput.optional(),
  serialNumber: serialNumber.optional(),
  twinnedMemberId: id.nullable().optional(),
  /** Twinned systems may share the member's own address (then it has no registry row of its own). */
  useMemberAddress: z.boolean().default(false),
});
export type CreateVideoSystemInput = z.infer<typeof createVideoSystemBody>;

export const updateVideoSystemBody = z.strictObject({
  name: fullName.optional(),
  /** The name part only: the domain is fixed once the system exists. */
  addressLocalPart: addressInput.optional(),
});
export type UpdateVideoSystemInput = z.infer<typeof updateVideoSystemBody>;

export const videoSystemIdsBody = z.strictObject({
  ids: z
    .array(id)
    .min(1, "Choose at least one video system.")
    .max(500, "Choose at most 500 video systems at once."),
});

export const videoSystem = z
  .object({
    id: z.string(),
    name: z.string(),
    videoAddress: z.string(),
    serialNumber: z.string().nullable(),
    twinnedMember: z.object({ id: z.string(), fullName: z.string() }).nullable(),
    usesMemberAddress: z.boolean(),
    status: z.enum(["not_activated", "activated", "registered"]),
    activatedAt: z.string().nullable(),
    registeredAt: z.string().nullable(),
    createdAt: z.string(),
  })
  .meta({ id: "VideoSystem" });

export const endpointSubscriptions = z
  .object({ used: z.number(), total: z.number(), remaining: z.number() })
  .meta({ id: "EndpointSubscriptions" });

export const videoSystemListResponse = listOf(videoSystem).extend({ endpointSubscriptions });
export const deleteVideoSystemsResponse = z.object({ deleted: z.number(), endpointSubscriptions });

const problem = z.object({
  field: z.enum(["row", "username", "videoDomain", "displayName", "serialNumber"]),
  rule: z.string(),
  message: z.string(),
});

export const bulkPreviewResponse = z
  .object({
    rows: z.array(
      z.object({
        line: z.number(),
        username: z.string(),
        videoDomain: z.string(),
        displayName: z.string(),
        serialNumber: z.string().nullable(),
        videoAddress: z.string(),
        problems: z.array(problem),
      }),
    ),
    validCount: z.number(),
    invalidCount: z.number(),
    fileProblems: z.array(z.string()),
    subscriptionsRemaining: z.number(),
    subscriptionsMissing: z.number(),
  })
  .meta({ id: "VideoSystemBulkPreview" });

export const bulkCreateQuery = z.strictObject({
  /** The count the partner confirmed ("Yes, create N video systems"); a different count is a 409. */
  expect: z.coerce.number().int().min(1).optional(),
});

export const bulkCreateResponse = z.object({
  created: z.number(),
  skipped: z.number(),
  endpointSubscriptions,
});
