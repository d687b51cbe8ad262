import {
  normaliseSlug,
  hostedDomainProblem as serviceDomainClash,
  slugProblem as slugRuleProblem,
} from "../../../../../domain/company";
import { emailProblem, normaliseEmail } from "../../../../../domain/email";
import { domainProblem, normaliseDomain, normaliseVmrSuffix } from "../../../../../domain/service-settings";
import { localPartProblems, normaliseVideoAddress } from "../../../../../domain/video-address";
import type { CreateCompanyInput, DomainSetup } from "../../../../api/types";
import { browserTimeZone } from "../../../../lib/timeZones";
import { type CompanyPlanValues, companyPlanValidators } from "./companyPlan";

/** Field names mirror the POST body, so the server's field paths land on the right inputs. */
export interface CreateCompanyValues extends CompanyPlanValues {
  name: string;
  slug: string;
  domainSetup: DomainSetup;
  hostedDomains: string[];
  firstAdmin: {
    fullName: string;
    email: string;
    /** Only the part before the @; the domain is shown beside the input. */
    videoAddress: string;
  };
}

export function initialCreateCompanyValues(): CreateCompanyValues {
  return {
    name: "",
    slug: "",
    status: "trial",
    domainSetup: "service_subdomain",
    hostedDomains: [""],
    licences: 10,
    endpointSubscriptions: 0,
    vmrSuffix: ".vmr",
    hostPinOnAllPersonalRooms: false,
    timeZone: browserTimeZone(),
    firstAdmin: { fullName: "", email: "", videoAddress: "" },
  };
}

/** "Acme Café & Co." → "acme-cafe-co": a starting point the user may change. */
export function suggestSlug(name: string): string {
  return name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 40)
    .replace(/-+$/, "");
}

export function slugProblem(slug: string): string | null {
  const normalised = normaliseSlug(slug);
  return normalised.length === 0 ? "Enter a slug." : slugRuleProblem(normalised);
}

/** "Ann.Smith+work@acme.com" → "ann.smith": the email's name, cut to what an address allows. */
export function suggestLocalPart(email: string): string {
  const local = (email.split("@")[0] ?? "").split("+")[0] ?? "";
  return normaliseVideoAddress(local)
    .replace(/[^a-z0-9._-]/g, "")
    .replace(/^[0-9._-]+/, "")
    .slice(0, 64);
}

/**
 * The domain the first administrator's address will use: the first custom domain with domain
 * hosting, otherwise the company's subdomain of, or the service's own, primary domain. null
 * while it cannot be known yet (no valid custom domain or slug typed, service domain unknown).
 */
export function firstVideoDomain(values: CreateCompanyValues, serviceDomain: string | null): string | null {
  if (values.domainSetup === "hosted") {
    const domain = normaliseDomain(values.hostedDomains[0] ?? "");
    return domainProblem(domain) ? null : domain;
  }
  if (!serviceDomain) return null;
  if (values.domainSetup === "service_root") return serviceDomain;
  return slugProblem(values.slug) ? null : `${values.slug}.${serviceDomain}`;
}

function hostedDomainProblem(domain: string, earlier: string[], serviceDomains: string[]): string | null {
  const problem = domainProblem(domain);
  if (problem) return problem;
  if (earlier.includes(domain)) return "This domain is already in the list.";
  return serviceDomainClash(domain, serviceDomains);
}

/** One entry per custom domain ("hostedDomains.<i>"), as the server reports them. */
export function hostedDomainsProblems(
  hostedDomains: string[],
  serviceDomains: string[],
): Record<string, string | null> {
  const domains = hostedDomains.map(normaliseDomain);
  const problems: Record<string, string | null> = {};
  domains.forEach((domain, index) => {
    problems[`hostedDomains.${index}`] = hostedDomainProblem(domain, domains.slice(0, index), serviceDomains);
  });
  return problems;
}

/** Every problem the form can know about before asking the server, keyed by field path. */
export function createCompanyProblems(
  values: CreateCompanyValues,
  serviceDomains: string[],
): Record<string, string | null> {
  const plan = companyPlanValidators();
  const problems: Record<string, string | null> = {
    name: values.name.trim() ? null : "Enter the company's name.",
    slug: slugProblem(values.slug),
    licences: plan.licences(values.licences),
    endpointSubscriptions: plan.endpointSubscriptions(values.endpointSubscriptions),
    vmrSuffix: plan.vmrSuffix(values.vmrSuffix),
    timeZone: plan.timeZone(values.timeZone),
    "firstAdmin.fullName": values.firstAdmin.fullName.trim() ? null : "Enter the administrator's full name.",
    "firstAdmin.email": emailProblem(normaliseEmail(values.firstAdmin.email)),
    "firstAdmin.videoAddress": firstAdminAddressProblem(values),
  };
  if (values.domainSetup === "hosted")
    Object.assign(problems, hostedDomainsProblems(values.hostedDomains, serviceDomains));
  return problems;
}

export function firstAdminAddressProblem(values: CreateCompanyValues): string | null {
  const local = normaliseVideoAddress(values.firstAdmin.videoAddress);
  const problems = localPartProblems(local, { hostedDomain: values.domainSetup === "hosted" });
  return problems.length > 0 ? problems.map((problem) => problem.message).join(" ") : null;
}

export function toCreateCompanyInput(
  values: CreateCompanyValues,
  videoDomain: string | null,
): CreateCompanyInput {
  const local = normaliseVideoAddress(values.firstAdmin.videoAddress);
  return {
    name: values.name.trim(),
    slug: normaliseSlug(values.slug),
    status: values.status,
    domainSetup: values.domainSetup,
    hostedDomains: values.domainSetup === "hosted" ? values.hostedDomains.map(normaliseDomain) : undefined,
    licences: Number(values.licences),
    endpointSubscriptions: Number(values.endpointSubscriptions),
    vmrSuffix: normaliseVmrSuffix(values.vmrSuffix),
    hostPinOnAllPersonalRooms: values.hostPinOnAllPersonalRooms,
    timeZone: values.timeZone,
    firstAdmin: {
      fullName: values.firstAdmin.fullName.trim(),
      email: normaliseEmail(values.firstAdmin.email),
      // A bare name part is allowed: the server adds the company's first video domain.
      videoAddress: videoDomain ? `${local}@${videoDomain}` : local,
    },
  };
}
