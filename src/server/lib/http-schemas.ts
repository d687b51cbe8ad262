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

/** The one shape of every list answer. */
export function listOf<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), total: z.number(), page: z.number(), pageSize: z.number() });
}

/** A search box's text: trimmed, empty meaning "no filter". */
export const searchText = z
  .string()
  .trim()
  .max(200, "Use at most 200 characters.")
  .optional()
  .transform((q) => (q ? q : undefined));

/** Ids in paths are UUIDs; anything else is a 400 rather than a database error. */
export const id = z.uuid("Not a valid id.");

/** A string normalised by `normalise`, then checked by a `src/domain` rule (a message or null). */
export function ruled(normalise: (value: string) => string, problem: (value: string) => string | null) {
  return z
    .string()
    .max(300, "Too long.")
    .transform(normalise)
    .superRefine((value, ctx) => {
      const message = problem(value);
      if (message) ctx.addIssue({ code: "custom", message });
    });
}
