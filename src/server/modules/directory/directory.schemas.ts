import { z } from "zod";
import { listOf, pagination, searchText } from "../../lib/http-schemas.js";

export const directoryQuery = z.strictObject({ q: searchText, ...pagination });
export type DirectoryQueryInput = z.infer<typeof directoryQuery>;

export const directoryEntry = z
  .object({
    type: z.enum(["person", "room"]).describe("person: a member; room: a team room (when they exist)"),
    id: z.string(),
    name: z.string().describe("A person's display name or a room's name"),
    address: z.string().describe("The video address to call"),
    personalRoom: z
      .object({ name: z.string(), address: z.string() })
      .nullable()
      .describe("A person's personal VMR; null for rooms"),
  })
  .meta({ id: "DirectoryEntry" });

export const directoryResponse = listOf(directoryEntry);
