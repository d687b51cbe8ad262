import { z } from "zod";
import { email, fullName, id, pagination, searchText } from "../../lib/http-schemas.js";

const partnerName = z.string().trim().min(1, "Required.").max(100, "Use at most 100 characters.");

export const partnerBody = z.strictObject({ name: partnerName });
export const partnerParams = z.strictObject({ partnerId: id });
export const partnerListQuery = z.strictObject({ q: searchText, ...pagination });
export const pageQuery = z.strictObject(pagination);
export const inviteAdminBody = z.strictObject({ fullName, email });

export const partnerResponse = z
  .object({
    id: z.string(),
    name: z.string(),
    companyCount: z.number(),
    adminCount: z.number(),
    createdAt: z.string(),
  })
  .meta({ id: "Partner" });

export const partnerAdminResponse = z
  .object({
    id: z.string(),
    fullName: z.string(),
    email: z.string(),
    status: z.enum(["active", "invited"]),
    createdAt: z.string(),
  })
  .meta({ id: "PartnerAdmin" });
