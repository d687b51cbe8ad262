import {
  type CompanyVideoDomains,
  normaliseVideoAddress,
  personalRoomAddress,
  videoAddressProblems,
} from "../../../domain/video-address.js";

export type DomainSetup = "service_subdomain" | "service_root" | "hosted";

export interface VideoDomains {
  /** Every domain the company's addresses may use; the first is the default. */
  videoDomains: string[];
  /** The company's own (custom) domains; empty unless its domain setup is hosted. */
  hostedDomains: string[];
}

/**
 * A company's video domains: its hosted domains, or its `<slug>.<service domain>` row, or the
 * service's primary (root) domain — depending on its domain setup. `rows` come in the
 * company's order (company_domains.position).
 */
export function companyVideoDomains(
  domainSetup: DomainSetup,
  rows: readonly { domain: string; kind: "hosted" | "service" }[],
  servicePrimaryDomain: string,
): VideoDomains {
  switch (domainSetup) {
    case "hosted": {
      const hosted = rows.filter((r) => r.kind === "hosted").map((r) => r.domain);
      return { videoDomains: hosted, hostedDomains: hosted };
    }
    case "service_subdomain":
      return {
        videoDomains: rows.filter((r) => r.kind === "service").map((r) => r.domain),
        hostedDomains: [],
      };
    case "service_root":
      return { videoDomains: [servicePrimaryDomain], hostedDomains: [] };
  }
}

export function addressRules(domains: VideoDomains): CompanyVideoDomains {
  return { domains: domains.videoDomains, hostedDomains: domains.hostedDomains };
}

/** A typed address, or a bare local part completed with the company's first video domain. */
export function completeVideoAddress(input: string, domains: VideoDomains): string {
  const address = normaliseVideoAddress(input);
  const first = domains.videoDomains[0];
  return address.length > 0 && !address.includes("@") && first ? `${address}@${first}` : address;
}

export interface MemberAddresses {
  videoAddress: string;
  personalRoomAddress: string;
}

/**
 * A new member's address and their personal VMR's (`local + suffix + @domain`), or the
 * sentence explaining why the typed address cannot be used.
 */
export function memberAddresses(
  input: string,
  domains: VideoDomains,
  vmrSuffix: string,
): { ok: true; addresses: MemberAddresses } | { ok: false; problem: string } {
  const rules = addressRules(domains);
  const videoAddress = completeVideoAddress(input, domains);
  const [problem] = videoAddressProblems(videoAddress, rules);
  if (problem) return { ok: false, problem: problem.message };
  const room = personalRoomAddress(videoAddress, vmrSuffix) ?? "";
  const [roomProblem] = videoAddressProblems(room, rules);
  if (roomProblem) {
    return {
      ok: false,
      problem: `The personal room address ${room} would break a rule: ${roomProblem.message} Choose a shorter address.`,
    };
  }
  return { ok: true, addresses: { videoAddress, personalRoomAddress: room } };
}
