import { z } from "zod";
import { id, listOf, searchText } from "../../lib/http-schemas.js";

const DATE_OR_DATETIME =
  "Use a date (2026-11-23) or a date and time with its time zone (2026-11-23T09:30:00Z).";
const DAY_MS = 24 * 60 * 60 * 1000;

const isDate = (value: string) => z.iso.date().safeParse(value).success;
const boundDate = (value: string) => new Date(isDate(value) ? `${value}T00:00:00Z` : value);
// The format check lets an offset like +99:00 through; the date it makes is then invalid.
const isDateOrMoment = (value: string) =>
  (isDate(value) || z.iso.datetime({ offset: true }).safeParse(value).success) &&
  !Number.isNaN(boundDate(value).getTime());

/**
 * One end of a date range as typed: a bare date is a whole day in UTC; a date and time must say
 * its offset (a browser sends its local midnight that way), so no server time zone is guessed.
 */
const dateBound = z
  .string()
  .trim()
  .refine(isDateOrMoment, DATE_OR_DATETIME)
  .transform((value) => ({ at: boundDate(value), wholeDay: isDate(value) }))
  .optional();

/** The range as the repository reads it: `occurred_at >= from` and `occurred_at < before`. */
export interface OccurredRange {
  from?: Date | undefined;
  before?: Date | undefined;
}

type Bound = { at: Date; wholeDay: boolean };

/** A whole day `to` includes that day; a moment `to` includes that moment (the next millisecond is out). */
function rangeEnd(to: Bound): Date {
  return new Date(to.at.getTime() + (to.wholeDay ? DAY_MS : 1));
}

const isBound = (value: unknown): value is Bound =>
  typeof value === "object" && value !== null && (value as Bound).at instanceof Date;

/** Checks that the range is not backwards and turns it into `OccurredRange`. */
function withRange<S extends { from?: Bound | undefined; to?: Bound | undefined }>(schema: z.ZodType<S>) {
  return schema
    .superRefine((query, ctx) => {
      // Runs even when a bound failed its own check (then it is still the raw string): skip those.
      const { from, to } = query as { from?: unknown; to?: unknown };
      if (!isBound(from) || !isBound(to)) return;
      if (from.at.getTime() >= rangeEnd(to).getTime()) {
        ctx.addIssue({ code: "custom", path: ["to"], message: "Choose an end on or after the start." });
      }
    })
    .transform(({ from, to, ...rest }) => {
      const occurred: OccurredRange = { from: from?.at, before: to && rangeEnd(to) };
      return { ...rest, occurred };
    });
}

const filterShape = { person: id.optional(), object: searchText, from: dateBound, to: dateBound };

export const AUDIT_PAGE_SIZE_MAX = 100;

export const auditFilterQuery = withRange(z.strictObject(filterShape));
export const auditListQuery = withRange(
  z.strictObject({
    ...filterShape,
    page: z.coerce.number().int().min(1).default(1),
    pageSize: z.coerce.number().int().min(1).max(AUDIT_PAGE_SIZE_MAX).default(25),
  }),
);

export type AuditFilter = z.infer<typeof auditFilterQuery>;
export type AuditListInput = z.infer<typeof auditListQuery>;

export const companyParams = z.strictObject({ companyId: id });

const actorKind = z.enum(["operator", "partner_admin", "member", "system"]);

export const auditEvent = z
  .object({
    id: z.string(),
    occurredAt: z.string(),
    actor: z.object({ id: z.string().nullable(), name: z.string(), kind: actorKind }),
    action: z.string(),
    actionLabel: z.string(),
    target: z.object({ type: z.string(), id: z.string().nullable(), label: z.string().nullable() }),
    summary: z.string(),
    changes: z
      .array(z.object({ field: z.string(), before: z.string().nullable(), after: z.string().nullable() }))
      .optional(),
    ip: z.string().nullable(),
  })
  .meta({ id: "AuditEvent" });

export const auditEventList = listOf(auditEvent);

export const auditPerson = z
  .object({ id: z.string(), name: z.string(), kind: actorKind })
  .meta({ id: "AuditPerson" });
export const auditPeople = z.array(auditPerson);
