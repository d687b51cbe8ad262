import { z } from "zod";
import { id } from "../../lib/http-schemas.js";

export const videoSystemParams = z.object({ companyId: id, videoSystemId: id });

const status = z.enum(["not_activated", "activated", "registered"]);

export const activationStatus = z
  .object({
    videoSystem: z.object({ id: z.string(), name: z.string(), videoAddress: z.string() }),
    status,
    activatedAt: z.string().nullable(),
    registeredAt: z.string().nullable(),
    /** The code that works now (never the code itself: it is shown once, when issued). */
    code: z.object({ expiresAt: z.string() }).nullable(),
    /** The registrar domain redeeming a code hands out (for the page's instructions). */
    registrar: z.string(),
  })
  .meta({ id: "EndpointActivationStatus" });

export const issuedActivationCode = z
  .object({ code: z.string(), expiresAt: z.string() })
  .meta({ id: "EndpointActivationCode" });

export const redeemBody = z.strictObject({
  code: z.string().max(64, "Too long."),
});

export const provisioning = z
  .object({
    sipUsername: z.string(),
    sipPassword: z.string(),
    registrar: z.string(),
    displayName: z.string(),
  })
  .meta({ id: "EndpointProvisioning" });
