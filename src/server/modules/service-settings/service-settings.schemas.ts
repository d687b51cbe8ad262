import { z } from "zod";
import {
  domainProblem,
  normaliseDomain,
  normaliseVmrSuffix,
  vmrSuffixProblem,
} from "../../../domain/service-settings.js";
import { ruled } from "../../lib/http-schemas.js";

export const serviceSettingsResponse = z
  .object({
    name: z.string(),
    domains: z.array(z.string()),
    defaultVmrSuffix: z.string(),
    /** Operators and partner admins must sign in with two-factor (two-factor module). */
    requireTwoFactorForStaff: z.boolean(),
  })
  .meta({ id: "ServiceSettings" });

export const serviceSettingsBody = z.strictObject({
  name: z.string().trim().min(1, "Required.").max(100, "Use at most 100 characters.").optional(),
  domains: z
    .array(ruled(normaliseDomain, domainProblem))
    .min(1, "Keep at least one service domain.")
    .max(20, "Use at most 20 domains.")
    .optional(),
  defaultVmrSuffix: ruled(normaliseVmrSuffix, vmrSuffixProblem).optional(),
  requireTwoFactorForStaff: z.boolean("Choose on or off.").optional(),
});
export type ServiceSettingsInput = z.infer<typeof serviceSettingsBody>;
