import { z } from "zod";
import { licences } from "../members/members.schemas.js";

const problem = z.object({
  field: z.enum(["row", "fullName", "email", "videoAddress", "personalRoomAddress"]),
  rule: z.string(),
  message: z.string(),
});

export const bulkInvitePreviewResponse = z
  .object({
    rows: z.array(
      z.object({
        line: z.number(),
        fullName: z.string(),
        email: z.string(),
        videoAddress: z.string(),
        personalRoomAddress: z.string().optional(),
        problems: z.array(problem),
      }),
    ),
    validCount: z.number(),
    invalidCount: z.number(),
    fileProblems: z.array(z.string()),
    licencesRemaining: z.number(),
    licencesMissing: z.number(),
  })
  .meta({ id: "BulkInvitePreview" });

export const bulkInviteQuery = z.strictObject({
  /** The number of people the admin confirmed ("Yes, invite N users"); a different count is a 409. */
  expect: z.coerce.number().int().min(1).optional(),
});

export const bulkInviteResponse = z.object({ invited: z.number(), skipped: z.number(), licences });
