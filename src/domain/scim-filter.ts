/**
 * The SCIM filters Confero answers on /Users (RFC 7644 §3.4.2.2), parsed by scim2-parse-filter
 * and narrowed to what identity providers send when they look a person up before creating them:
 * - `userName eq "jane@example.com"` (Entra ID, Okta);
 * - `externalId eq "…"`;
 * - `emails[type eq "work"].value eq "…"` (and `emails.value eq "…"`);
 * - `id eq "…"`.
 * Attribute names are case-insensitive (RFC 7643 §2.1), so are userName and email values (they
 * are stored lowercased); externalId is compared exactly. Anything else is `invalidFilter` with
 * a sentence saying what is supported — never a silently wrong list.
 */
import { type Filter, flatten, parse } from "scim2-parse-filter";

export type UserLookup =
  | { field: "email"; value: string }
  | { field: "externalId"; value: string }
  | { field: "id"; value: string };

export type FilterResult = { ok: true; lookup: UserLookup } | { ok: false; detail: string };

export const SUPPORTED_FILTERS =
  'Supported filters: userName eq "…", externalId eq "…", emails[type eq "work"].value eq "…", id eq "…".';

const USER_SCHEMA_PREFIX = "urn:ietf:params:scim:schemas:core:2.0:user:";

/** `urn:…:User:userName` and `userName` are the same attribute; names compare lowercased. */
function attributeName(path: string): string {
  const lower = path.toLowerCase();
  return lower.startsWith(USER_SCHEMA_PREFIX) ? lower.slice(USER_SCHEMA_PREFIX.length) : lower;
}

function equalsString(f: Filter): { attribute: string; value: string } | null {
  if (f.op !== "eq" || !("compValue" in f) || typeof f.compValue !== "string") return null;
  return { attribute: attributeName(f.attrPath), value: f.compValue };
}

export function interpretUserFilter(text: string): FilterResult {
  let parsed: Filter;
  try {
    parsed = flatten(parse(text));
  } catch (error) {
    const reason = error instanceof Error ? error.message : "it does not parse";
    return {
      ok: false,
      detail: `The filter is not valid SCIM filter syntax (${reason}). ${SUPPORTED_FILTERS}`,
    };
  }
  const single = equalsString(parsed);
  if (single) {
    if (single.attribute === "username" || single.attribute === "emails.value") {
      return { ok: true, lookup: { field: "email", value: single.value.trim().toLowerCase() } };
    }
    if (single.attribute === "externalid")
      return { ok: true, lookup: { field: "externalId", value: single.value } };
    if (single.attribute === "id") return { ok: true, lookup: { field: "id", value: single.value } };
  }
  // emails[type eq "work"].value eq "x" flattens to: emails.type eq "work" and emails.value eq "x".
  if (parsed.op === "and" && "filters" in parsed && parsed.filters.length === 2) {
    const parts = parsed.filters.map(equalsString);
    const type = parts.find((p) => p?.attribute === "emails.type");
    const value = parts.find((p) => p?.attribute === "emails.value");
    if (type && value && type.value.toLowerCase() === "work") {
      return { ok: true, lookup: { field: "email", value: value.value.trim().toLowerCase() } };
    }
  }
  return { ok: false, detail: `This filter is not supported. ${SUPPORTED_FILTERS}` };
}
