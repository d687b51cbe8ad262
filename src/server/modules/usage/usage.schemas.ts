import { z } from "zod";
import { isDay, NOT_A_DAY, periodProblem, USAGE_DEFINITIONS } from "../../../domain/usage-period.js";
import { id, listOf, pagination } from "../../lib/http-schemas.js";

export { USAGE_DEFINITIONS };

const day = z.string().trim().refine(isDay, NOT_A_DAY);

const periodShape = {
  from: day.optional().describe("First day (YYYY-MM-DD, included); default: three months before `to`"),
  to: day.optional().describe("Last day (YYYY-MM-DD, included); default: today in the company's time zone"),
};

/** When both ends are given (and valid), they must run forwards and span at most the retention. */
function checkedPeriod<S extends { from?: string | undefined; to?: string | undefined }>(
  schema: z.ZodType<S>,
) {
  return schema.superRefine((query, ctx) => {
    const { from, to } = query as { from?: unknown; to?: unknown };
    if (typeof from !== "string" || typeof to !== "string" || !isDay(from) || !isDay(to)) return;
    const problem = periodProblem({ from, to });
    if (problem) ctx.addIssue({ code: "custom", path: [problem.field], message: problem.message });
  });
}

export const USAGE_SORTS = [
  "calls",
  "-calls",
  "minutes",
  "-minutes",
  "roomMinutes",
  "-roomMinutes",
  "name",
  "-name",
] as const;
export type UsageSort = (typeof USAGE_SORTS)[number];

const sort = (fallback: UsageSort) =>
  z
    .enum(USAGE_SORTS)
    .default(fallback)
    .describe("calls, minutes (call minutes), roomMinutes or name; a leading - sorts descending");

export const periodQuery = checkedPeriod(z.strictObject(periodShape));
export const breakdownExportQuery = checkedPeriod(z.strictObject({ ...periodShape, sort: sort("-minutes") }));
export const breakdownListQuery = checkedPeriod(
  z.strictObject({ ...periodShape, sort: sort("-minutes"), ...pagination }),
);
export const companiesExportQuery = checkedPeriod(z.strictObject({ ...periodShape, sort: sort("name") }));
export const companiesListQuery = checkedPeriod(
  z.strictObject({ ...periodShape, sort: sort("name"), ...pagination }),
);

export type PeriodInput = z.infer<typeof periodQuery>;
export type BreakdownExportInput = z.infer<typeof breakdownExportQuery>;
export type BreakdownListInput = z.infer<typeof breakdownListQuery>;
export type CompaniesExportInput = z.infer<typeof companiesExportQuery>;
export type CompaniesListInput = z.infer<typeof companiesListQuery>;

export const companyParams = z.strictObject({ companyId: id });
export const partnerParams = z.strictObject({ partnerId: id });

const figuresShape = {
  calls: z.number().int().describe(USAGE_DEFINITIONS.calls),
  callMinutes: z.number().describe(`${USAGE_DEFINITIONS.callMinutes} One decimal.`),
  roomMinutes: z.number().describe(`${USAGE_DEFINITIONS.roomMinutes} One decimal.`),
};

export const usageFigures = z.object(figuresShape).meta({ id: "UsageFigures" });

export const usageSummary = z
  .object({
    from: z.string(),
    to: z.string(),
    timeZone: z.string().describe("The company's time zone: the days are its calendar days"),
    totals: usageFigures,
    previous: z
      .object({ from: z.string(), to: z.string(), ...figuresShape })
      .describe("The period of the same number of days just before"),
    days: z
      .array(z.object({ day: z.string(), ...figuresShape }))
      .describe("Every day of the period, zeros included"),
  })
  .meta({ id: "UsageSummary" });

export const usageBreakdownItem = z
  .object({
    id: z.string(),
    name: z.string().describe('The current name; "(deleted)" once the item is gone'),
    address: z.string().nullable().describe("The current video address; null once the item is gone"),
    ...figuresShape,
  })
  .meta({ id: "UsageBreakdownItem" });

const periodOf = { from: z.string(), to: z.string() };

export const usageBreakdownList = listOf(usageBreakdownItem)
  .extend({ ...periodOf, timeZone: z.string() })
  .meta({ id: "UsageBreakdownList" });

export const usageBreakdownExport = z
  .object({ ...periodOf, timeZone: z.string(), items: z.array(usageBreakdownItem) })
  .meta({ id: "UsageBreakdownExport" });

export const companyUsageItem = z
  .object({
    companyId: z.string(),
    companyName: z.string(),
    partnerId: z.string(),
    partnerName: z.string(),
    ...figuresShape,
  })
  .meta({ id: "CompanyUsageItem" });

export const companiesUsageList = listOf(companyUsageItem)
  .extend({ ...periodOf, totals: usageFigures })
  .meta({ id: "CompaniesUsageList" });

export const companiesUsageExport = z
  .object({ ...periodOf, totals: usageFigures, items: z.array(companyUsageItem) })
  .meta({ id: "CompaniesUsageExport" });
