import { z } from "zod";
import {
  COMPANY_NAME_MAX_LENGTH,
  MAX_HOSTED_DOMAINS,
  normaliseSlug,
  slugProblem,
  timeZoneProblem,
} from "../../../domain/company.js";
import {
  domainProblem,
  normaliseDomain,
  normaliseVmrSuffix,
  vmrSuffixProblem,
} from "../../../domain/service-settings.js";
import { email, fullName, id, pagination, ruled, searchText } from "../../lib/http-schemas.js";

const STATUSES = ["trial", "paid", "suspended"] as const;
const DOMAIN_SETUPS = ["service_subdomain", "service_root", "hosted"] as const;

export const companyStatus = z.enum(STATUSES);
const companyName = z
  .string()
  .trim()
  .min(1, "Required.")
  .max(COMPANY_NAME_MAX_LENGTH, `Use at most ${COMPANY_NAME_MAX_LENGTH} characters.`);
const timeZone = ruled((tz) => tz.trim(), timeZoneProblem);
const vmrSuffix = ruled(normaliseVmrSuffix, vmrSuffixProblem);
const count = (min: number) =>
  z
    .number()
    .int("Use a whole number.")
    .min(min, `Use at least ${min}.`)
    .max(1_000_000, "Use at most 1,000,000.");
const hostedDomains = z
  .array(ruled(normaliseDomain, domainProblem))
  .max(MAX_HOSTED_DOMAINS, `Use at most ${MAX_HOSTED_DOMAINS} domains.`);

export const createCompanyBody = z.strictObject({
  name: companyName,
  slug: ruled(normaliseSlug, slugProblem),
  status: companyStatus.default("trial"),
  domainSetup: z.enum(DOMAIN_SETUPS),
  hostedDomains: hostedDomains.optional(),
  licences: count(1),
  endpointSubscriptions: count(0),
  vmrSuffix: vmrSuffix.optional(),
  hostPinOnAllPersonalRooms: z.boolean().default(false),
  timeZone,
  firstAdmin: z.strictObject({
    fullName,
    email,
    videoAddress: z.string().max(320, "Too long."),
  }),
});
export type CreateCompanyInput = z.infer<typeof createCompanyBody>;

export const updateCompanyBody = z.strictObject({
  name: companyName.optional(),
  status: companyStatus.optional(),
  licences: count(1).optional(),
  endpointSubscriptions: count(0).optional(),
  vmrSuffix: vmrSuffix.optional(),
  hostPinOnAllPersonalRooms: z.boolean().optional(),
  timeZone: timeZone.optional(),
  hostedDomains: hostedDomains.optional(),
});
export type UpdateCompanyInput = z.infer<typeof updateCompanyBody>;

export const companySettingsBody = z.strictObject({
  name: companyName.optional(),
  timeZone: timeZone.optional(),
  /** While on, every new personal VMR gets a random host PIN (DESIGN.md, PINs). */
  hostPinOnAllPersonalRooms: z.boolean().optional(),
});
export type CompanySettingsInput = z.infer<typeof companySettingsBody>;

const usage = z.object({ used: z.number(), total: z.number() });

export const companySummary = z
  .object({
    id: z.string(),
    name: z.string(),
    slug: z.string(),
    partner: z.object({ id: z.string(), name: z.string() }),
    status: companyStatus,
    licences: usage,
    endpointSubscriptions: usage,
    memberCount: z.number(),
    teamRoomCount: z.number(),
    createdAt: z.string(),
  })
  .meta({ id: "CompanySummary" });

export const companyResponse = companySummary
  .extend({
    domainSetup: z.enum(DOMAIN_SETUPS),
    videoDomains: z.array(z.string()),
    hostedDomains: z.array(z.string()),
    vmrSuffix: z.string(),
    hostPinOnAllPersonalRooms: z.boolean(),
    timeZone: z.string(),
    addressCountsByDomain: z.record(z.string(), z.number()),
  })
  .meta({ id: "Company" });

export const companyListQuery = z.strictObject({
  q: searchText,
  status: companyStatus.optional(),
  ...pagination,
});

export const companyParams = z.strictObject({ companyId: id });
export const partnerCompanyParams = z.strictObject({ partnerId: id, companyId: id });

export const availabilityQuery = z.strictObject({ address: z.string().max(320, "Too long.") });
export const availabilityResponse = z
  .object({
    address: z.string(),
    available: z.boolean(),
    problems: z.array(z.object({ rule: z.string(), message: z.string() })),
  })
  .meta({ id: "AddressAvailability" });
