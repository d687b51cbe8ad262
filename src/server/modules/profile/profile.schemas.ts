import { z } from "zod";
import { fullName } from "../../lib/http-schemas.js";

export const personalRoomDto = z
  .object({
    name: z.string(),
    address: z.string(),
    hostPin: z.string().nullable(),
    guestPin: z.string().nullable(),
  })
  .meta({ id: "OwnPersonalRoom" });

export const profileResponse = z
  .object({
    fullName: z.string(),
    email: z.string(),
    videoAddress: z.string().nullable(),
    company: z.object({ id: z.string(), name: z.string() }).nullable(),
    personalRoom: personalRoomDto.nullable(),
  })
  .meta({ id: "Profile" });

export const updateProfileBody = z.strictObject({ fullName });
export type UpdateProfileInput = z.infer<typeof updateProfileBody>;

/** A PIN, or null / "" to remove it; the rules are checked on the pair (`planRoomSettings`). */
const pin = z
  .string()
  .max(100, "Too long.")
  .transform((value) => value.trim())
  .nullable();

export const updatePersonalRoomBody = z.strictObject({
  name: fullName.optional(),
  hostPin: pin.optional(),
  guestPin: pin.optional(),
});
export type UpdatePersonalRoomInput = z.infer<typeof updatePersonalRoomBody>;

export const updatePersonalRoomResponse = z.object({
  personalRoom: personalRoomDto,
  warnings: z.array(z.string()),
});
