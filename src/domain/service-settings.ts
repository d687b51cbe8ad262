/**
 * Rules for the service-wide settings entered at first-run setup: the service domain and the
 * default VMR suffix. Shared by server and web.
 */

/** A DNS name of at least two labels, lowercase letters, digits and inner hyphens, ≤ 253 chars. */
const DOMAIN_LABEL = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/;

export function normaliseDomain(input: string): string {
  return input.trim().toLowerCase().replace(/\.$/, "");
}

export function domainProblem(domain: string): string | null {
  if (domain.length === 0) return "Enter a domain, for example video.example.com.";
  if (domain.length > 253) return "A domain has at most 253 characters.";
  const labels = domain.split(".");
  if (labels.length < 2) return "Use a full domain name with a dot, for example video.example.com.";
  if (!labels.every((label) => DOMAIN_LABEL.test(label))) {
    return "Use only letters, digits, hyphens and dots; no label may start or end with a hyphen.";
  }
  if (/^[0-9]+$/.test(labels[labels.length - 1] ?? ""))
    return "The last part of a domain cannot be a number.";
  return null;
}

/**
 * The suffix is appended to a member's local part to form their personal VMR's address
 * (`john.doe` + `.vmr`), so it must itself be valid inside a local part and cannot be empty.
 */
const VMR_SUFFIX = /^[._-][a-z0-9._-]{1,19}$/;

export function normaliseVmrSuffix(input: string): string {
  return input.trim().toLowerCase();
}

export function vmrSuffixProblem(suffix: string): string | null {
  if (!VMR_SUFFIX.test(suffix)) {
    return "Start with a dot, dash or underscore, then 1–19 of a–z, 0–9, dot, dash or underscore (e.g. .vmr).";
  }
  return null;
}
