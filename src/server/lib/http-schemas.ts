import { z } from "zod";
import { emailProblem, normaliseEmail } from "../../domain/email.js";
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from "../../domain/password.js";

/** Schemas shared by many routes, with the same messages the web forms show. */
export const errorResponse = z
  .object({
    error: z.object({
      code: z.string(),
      message: z.string(),
      fields: z.record(z.string(), z.string()).optional(),
    }),
  })
  .meta({ id: "Error" });

export const newPassword = z
  .string()
  .min(PASSWORD_MIN_LENGTH, `Use at least ${PASSWORD_MIN_LENGTH} characters.`)
  .max(PASSWORD_MAX_LENGTH, `Use at most ${PASSWORD_MAX_LENGTH} characters.`);

/** Checking an existing password: any length up to the maximum (rules may have changed since). */
export const existingPassword = z.string().min(1, "Required.").max(PASSWORD_MAX_LENGTH, "Too long.");

export const email = z
  .string()
  .max(254, "Use at most 254 characters.")
  .transform(normaliseEmail)
  .refine((value) => emailProblem(value) === null, "Enter a valid email address.");

export const fullName = z.string().trim().min(1, "Required.").max(200, "Use at most 200 characters.");

export const pagination = {
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
};

export const standardErrors = {
  400: errorResponse,
  401: errorResponse,
  403: errorResponse,
  404: errorResponse,
};
