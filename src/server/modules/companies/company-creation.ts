import { hostedDomainProblem } from "../../../domain/company.js";
import type { FieldProblems } from "../../errors.js";
import { ValidationError } from "../../errors.js";
import type { ServiceRow } from "../setup/service.repository.js";
import type { CreateCompanyInput } from "./companies.schemas.js";
import { type MemberAddresses, memberAddresses, type VideoDomains } from "./company-video-domains.js";

/** The rows and addresses a new company gets, worked out (and checked) before any write. */
export interface CompanyPlan {
  domains: { domain: string; kind: "hosted" | "service"; field: string }[];
  videoDomains: VideoDomains;
  vmrSuffix: string;
  firstAdmin: MemberAddresses;
}

/** A company's full list of hosted domains (already normalised and DNS-valid), as `fields`. */
export function hostedDomainListProblems(hosted: readonly string[], serviceDomains: readonly string[]) {
  const fields: FieldProblems = {};
  if (hosted.length === 0) fields.hostedDomains = "Add at least one domain for domain hosting.";
  hosted.forEach((domain, i) => {
    const problem =
      hostedDomainProblem(domain, serviceDomains) ??
      (hosted.indexOf(domain) < i ? "This domain is listed twice." : null);
    if (problem) fields[`hostedDomains.${i}`] = problem;
  });
  return fields;
}

/**
 * Checks what the request schema cannot check alone — the domain rules that depend on the
 * service's domains and the first admin's address on the company's domains — and reports every
 * problem at once as a ValidationError.
 */
export function planCompany(input: CreateCompanyInput, service: ServiceRow): CompanyPlan {
  const fields: FieldProblems = {};
  const hosted = input.hostedDomains ?? [];
  const domains: CompanyPlan["domains"] = [];

  if (input.domainSetup === "hosted") {
    Object.assign(fields, hostedDomainListProblems(hosted, service.domains));
    hosted.forEach((domain, i) => {
      domains.push({ domain, kind: "hosted", field: `hostedDomains.${i}` });
    });
  } else if (hosted.length > 0) {
    fields.hostedDomains = "Only companies with domain hosting have hosted domains.";
  }
  const primary = service.domains[0] ?? "";
  if (input.domainSetup === "service_subdomain") {
    domains.push({ domain: `${input.slug}.${primary}`, kind: "service", field: "slug" });
  }
  const videoDomains: VideoDomains =
    input.domainSetup === "service_root"
      ? { videoDomains: [primary], hostedDomains: [] }
      : {
          videoDomains: domains.map((d) => d.domain),
          hostedDomains: input.domainSetup === "hosted" ? [...hosted] : [],
        };

  const vmrSuffix = input.vmrSuffix ?? service.defaultVmrSuffix;
  const addresses = memberAddresses(input.firstAdmin.videoAddress, videoDomains, vmrSuffix);
  // An address on a rejected domain list would only repeat the domain problem.
  if (!addresses.ok && !Object.keys(fields).some((field) => field.startsWith("hostedDomains"))) {
    fields["firstAdmin.videoAddress"] = addresses.problem;
  }
  if (Object.keys(fields).length > 0 || !addresses.ok) throw new ValidationError(fields);
  return { domains, videoDomains, vmrSuffix, firstAdmin: addresses.addresses };
}
