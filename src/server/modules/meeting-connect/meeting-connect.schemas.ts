import { z } from "zod";
import { id } from "../../lib/http-schemas.js";

export const videoSystemParams = z.object({ companyId: id, videoSystemId: id });
export const qrQuery = z.object({
  size: z.coerce
    .number()
    .int("Use a whole number of pixels.")
    .min(128, "Use at least 128 pixels.")
    .max(2048, "Use at most 2048 pixels.")
    .default(512),
});

export const connectLink = z
  .object({
    videoSystem: z.object({ id: z.string(), name: z.string(), videoAddress: z.string() }),
    connectUrl: z.string(),
  })
  .meta({ id: "MeetingConnectLink" });

export const rotatedLink = z.object({ connectUrl: z.string() }).meta({ id: "MeetingConnectRotated" });

/** Tokens are base64url; anything else cannot name a system (a 404, not a 400, for the page's sake). */
export const connectParams = z.object({ token: z.string() });

export const connectInfo = z
  .object({
    videoSystem: z.object({ name: z.string(), videoAddress: z.string() }),
    company: z.object({ name: z.string() }),
    /** Whether Confero can dial the system (INFINITY_API_URL set); else the page shows what to dial. */
    dialsFromConfero: z.boolean(),
  })
  .meta({ id: "MeetingConnectInfo" });

const role = z.enum(["chair", "guest"]);

export const connectRooms = z
  .object({
    items: z.array(
      z.object({
        kind: z.enum(["personal", "team"]),
        name: z.string(),
        address: z.string(),
        role,
      }),
    ),
  })
  .meta({ id: "MeetingConnectRooms" });

export const dialBody = z.strictObject({
  address: z.string().trim().min(1, "Choose a room or enter a video address.").max(254, "Too long."),
});

export const dialResult = z
  .object({ conferenceAlias: z.string(), role, participantId: z.string().nullable() })
  .meta({ id: "MeetingConnectDialled" });
