/**
 * Rules for a company's identity and domains, shared by the server and the web forms: the slug
 * (which becomes `<slug>.<service domain>`), hosted (custom) domains and the time zone.
 */

export const COMPANY_NAME_MAX_LENGTH = 100;
export const MAX_HOSTED_DOMAINS = 20;

const SLUG = /^[a-z0-9](?:[a-z0-9-]{0,38}[a-z0-9])$/;

export function normaliseSlug(input: string): string {
  return input.trim().toLowerCase();
}

export function slugProblem(slug: string): string | null {
  if (!SLUG.test(slug)) {
    return "Use 2–40 of a–z, 0–9 and hyphens, starting and ending with a letter or digit.";
  }
  return null;
}

/** `a.b.example` is under `b.example`, and every domain is "under" itself. */
export function isDomainAtOrUnder(domain: string, parent: string): boolean {
  return domain === parent || domain.endsWith(`.${parent}`);
}

/**
 * A hosted domain must not be a service domain or sit under one: those addresses belong to the
 * service's own domain setup. The domain's DNS syntax is checked separately (`domainProblem`).
 */
export function hostedDomainProblem(domain: string, serviceDomains: readonly string[]): string | null {
  const service = serviceDomains.find((parent) => isDomainAtOrUnder(domain, parent));
  if (service) {
    return `A hosted domain cannot be the service domain ${service} or under it; choose the service subdomain setup instead.`;
  }
  return null;
}

let zones: Set<string> | undefined;

/** IANA time zone names as this runtime knows them, plus "UTC" (which the list omits). */
export function timeZoneProblem(timeZone: string): string | null {
  zones ??= new Set([...Intl.supportedValuesOf("timeZone"), "UTC"]);
  return zones.has(timeZone) ? null : "Choose a time zone from the list, for example Europe/Oslo.";
}
