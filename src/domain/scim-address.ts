/**
 * A SCIM-provisioned member's video address, derived from their userName (an email) when the
 * identity provider does not set one explicitly (the Confero extension's `videoAddress`):
 * - the local part of the userName, lowercased, accents folded (`Zoë` → `zoe`), every character
 *   the video-address rules do not allow dropped, leading digits, dots, dashes and underscores
 *   dropped (an address cannot start with them);
 * - nothing left → `scim.user`; shorter than the minimum (without domain hosting) → `.user` is
 *   appended (`jo` → `jo.user`);
 * - cut so that the personal VMR's address (local + VMR suffix) stays within 64 characters;
 * - taken → numbered from 2 (`jane.doe`, `jane.doe2`, `jane.doe3` …), the base cut shorter when
 *   the number would not fit.
 * Pure: the caller asks the address registry which candidates are free.
 */
import { LOCAL_PART_MAX_LENGTH, LOCAL_PART_MIN_LENGTH } from "./video-address.js";

export const EMPTY_LOCAL_PART = "scim.user";
const PADDING = ".user";

export interface DerivationRules {
  /** The domain the address goes on (the company's first video domain). */
  domain: string;
  /** Whether that domain is one of the company's hosted domains (no minimum length). */
  hostedDomain: boolean;
  /** The company's VMR suffix (`.vmr`): the personal VMR's local part is the member's plus this. */
  vmrSuffix: string;
}

/** The base local part (before any number) derived from a SCIM userName. */
export function baseLocalPart(userName: string, rules: Pick<DerivationRules, "hostedDomain" | "vmrSuffix">) {
  const at = userName.lastIndexOf("@");
  const local = (at >= 0 ? userName.slice(0, at) : userName)
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[^a-z0-9._-]/g, "")
    .replace(/^[0-9._-]+/, "");
  let base = local.length > 0 ? local : EMPTY_LOCAL_PART;
  if (!rules.hostedDomain && base.length < LOCAL_PART_MIN_LENGTH) base = `${base}${PADDING}`;
  return base.slice(0, maxLocalLength(rules.vmrSuffix));
}

/** The longest member local part whose personal VMR address still fits the 64-character limit. */
function maxLocalLength(vmrSuffix: string): number {
  return Math.max(LOCAL_PART_MIN_LENGTH, LOCAL_PART_MAX_LENGTH - vmrSuffix.length);
}

/** The `n`th candidate address (n = 1 is the base itself, then base2, base3 …). */
export function candidateAddress(base: string, n: number, rules: DerivationRules): string {
  const limit = maxLocalLength(rules.vmrSuffix);
  const number = n <= 1 ? "" : String(n);
  return `${base.slice(0, limit - number.length)}${number}@${rules.domain}`;
}

/** Candidates `from` … `from + count - 1`, in order, for one registry lookup. */
export function candidateAddresses(userName: string, rules: DerivationRules, from: number, count: number) {
  const base = baseLocalPart(userName, rules);
  const out: string[] = [];
  for (let n = from; n < from + count; n += 1) out.push(candidateAddress(base, n, rules));
  return [...new Set(out)];
}
