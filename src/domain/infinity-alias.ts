/**
 * Pexip Infinity sends aliases in many forms (`sip:alice@acme.example.com;transport=tls`,
 * `h323:…`, `SIPS:Alice@Acme.Example.com:5061`, or a bare `meet.bob` from some clients). The
 * policy server looks addresses up in their stored form (lowercase `local@domain`), so every
 * form is reduced to that before a lookup. Pure, total: any string gives an answer, never throws.
 */
export type InfinityAlias =
  | { kind: "address"; address: string }
  /** A bare local part: some clients dial or register without the domain. */
  | { kind: "local"; localPart: string };

/** The longest alias worth looking at; Infinity's own fields stop at 250 characters. */
const MAX_ALIAS_LENGTH = 320;
const SCHEME = /^(?:sips?|h323|tel):/i;
/** What a stored local part or domain may hold (video-address.ts is stricter; a lookup needn't be). */
const LOCAL = /^[a-z0-9._+-]+$/;
const DOMAIN = /^[a-z0-9](?:[a-z0-9.-]*[a-z0-9])?$/;

/** The alias in the form addresses are stored in, or null when it cannot be a video address. */
export function normaliseInfinityAlias(raw: string): InfinityAlias | null {
  let alias = raw.trim();
  if (alias.length === 0 || alias.length > MAX_ALIAS_LENGTH) return null;
  // `<sip:…>` as a SIP header carries it; a display name before it is not part of the alias.
  const bracketed = /<([^<>]*)>/.exec(alias);
  if (bracketed?.[1] !== undefined) alias = bracketed[1].trim();
  alias = alias.replace(/^"+|"+$/g, "");
  alias = alias.replace(SCHEME, "");
  // URI parameters (`;transport=tls`) and headers (`?x=y`) follow the host part.
  alias = alias.split(/[;?]/, 1)[0] ?? "";
  alias = alias.toLowerCase();
  const at = alias.lastIndexOf("@");
  if (at < 0) return LOCAL.test(alias) ? { kind: "local", localPart: alias } : null;
  const local = alias.slice(0, at);
  const domain = stripPort(alias.slice(at + 1)).replace(/\.$/, "");
  if (!LOCAL.test(local)) return null;
  // `meet.qa@10.44.131.22:1720`: an H.323 or SIP client dialling the node's own IP address
  // means "this local part on this platform", the same as a bare `meet.qa`.
  if (IPV4.test(domain) || IPV6_LITERAL.test(domain)) return { kind: "local", localPart: local };
  if (!DOMAIN.test(domain)) return null;
  return { kind: "address", address: `${local}@${domain}` };
}

const IPV4 = /^\d{1,3}(?:\.\d{1,3}){3}$/;
const IPV6_LITERAL = /^\[[0-9a-f:.]+\]$/;

function stripPort(hostPort: string): string {
  return hostPort.replace(/:\d{1,5}$/, "");
}

/**
 * The stored address an alias stands for: a bare local part is looked up in `defaultDomain`
 * (the Infinity settings' default domain: the service's primary one unless the operator chose
 * another); without a default domain it stands for nothing.
 */
export function resolveInfinityAlias(raw: string, defaultDomain: string | null): string | null {
  const alias = normaliseInfinityAlias(raw);
  if (!alias) return null;
  if (alias.kind === "address") return alias.address;
  return defaultDomain ? `${alias.localPart}@${defaultDomain}` : null;
}

/** The domain of a stored address (`local@domain`). */
export function domainOf(address: string): string {
  return address.slice(address.lastIndexOf("@") + 1);
}

/**
 * Infinity's `auth_type` is `credentials` or `sso`, sometimes inside literal quotes
 * (`"credentials"`); anything else counts as credentials, the safe default.
 */
export function normaliseAuthType(raw: string | undefined): "credentials" | "sso" {
  const value = (raw ?? "")
    .trim()
    .replace(/^["']+|["']+$/g, "")
    .toLowerCase();
  return value === "sso" ? "sso" : "credentials";
}
