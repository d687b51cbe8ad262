/**
 * Video addresses (`local@domain`, like an email address): the rules every member, room and
 * video system address follows, shared by the server and the web forms. Each broken rule has
 * its own code and message, so a form or a CSV preview can say exactly what is wrong.
 */

export const LOCAL_PART_MIN_LENGTH = 6;
export const LOCAL_PART_MAX_LENGTH = 64;

export type AddressRule =
  | "required"
  | "one_at_sign"
  | "characters"
  | "first_character"
  | "too_short"
  | "too_long"
  | "domain";

export interface AddressProblem {
  rule: AddressRule;
  message: string;
}

/** The video domains a company may use; hosted (custom) domains waive the minimum length. */
export interface CompanyVideoDomains {
  domains: readonly string[];
  hostedDomains: readonly string[];
}

/** Trimmed and lowercased: capitals are converted, not rejected. */
export function normaliseVideoAddress(input: string): string {
  return input.trim().toLowerCase();
}

export function splitVideoAddress(address: string): { local: string; domain: string } | null {
  const at = address.indexOf("@");
  if (at < 0 || at !== address.lastIndexOf("@")) return null;
  return { local: address.slice(0, at), domain: address.slice(at + 1) };
}

const ALLOWED = /^[a-z0-9._-]*$/;

/** Problems with the name part alone (for forms that edit it beside a fixed domain). */
export function localPartProblems(local: string, options: { hostedDomain: boolean }): AddressProblem[] {
  const problems: AddressProblem[] = [];
  if (local.length === 0) return [{ rule: "required", message: "Enter the name part of the address." }];
  if (!ALLOWED.test(local)) {
    problems.push({
      rule: "characters",
      message: "Use only letters a–z, digits 0–9, dot, dash and underscore.",
    });
  }
  if (/^[0-9._-]/.test(local)) {
    problems.push({
      rule: "first_character",
      message: "Cannot start with a digit, dot, dash or underscore.",
    });
  }
  if (!options.hostedDomain && local.length < LOCAL_PART_MIN_LENGTH) {
    problems.push({
      rule: "too_short",
      message: `Use at least ${LOCAL_PART_MIN_LENGTH} characters before the @ (the minimum applies without domain hosting).`,
    });
  }
  if (local.length > LOCAL_PART_MAX_LENGTH) {
    problems.push({
      rule: "too_long",
      message: `Use at most ${LOCAL_PART_MAX_LENGTH} characters before the @.`,
    });
  }
  return problems;
}

/** Every rule the (already normalised) address breaks for this company; empty when valid. */
export function videoAddressProblems(address: string, company: CompanyVideoDomains): AddressProblem[] {
  if (address.length === 0) return [{ rule: "required", message: "Enter a video address." }];
  const parts = splitVideoAddress(address);
  if (!parts) {
    return [{ rule: "one_at_sign", message: "A video address has one @, like name@example.com." }];
  }
  const hostedDomain = company.hostedDomains.includes(parts.domain);
  const problems = localPartProblems(parts.local, { hostedDomain });
  if (!company.domains.includes(parts.domain)) {
    problems.push({
      rule: "domain",
      message:
        company.domains.length > 0
          ? `The domain must be one of the company's video domains: ${company.domains.join(", ")}.`
          : "The company has no video domain yet.",
    });
  }
  return problems;
}

export function isValidVideoAddress(address: string, company: CompanyVideoDomains): boolean {
  return videoAddressProblems(address, company).length === 0;
}

/**
 * `john.doe@acme.video.example.com` + `.vmr` → `john.doe.vmr@acme.video.example.com`. A local
 * part near the 64-character limit can yield a too-long room address: callers validate it.
 */
export function personalRoomAddress(memberAddress: string, vmrSuffix: string): string | null {
  const parts = splitVideoAddress(memberAddress);
  return parts ? `${parts.local}${vmrSuffix}@${parts.domain}` : null;
}
