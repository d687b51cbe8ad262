/**
 * How a SCIM User resource (RFC 7643 §4.1) maps onto a Confero member, for POST and PUT bodies:
 * - `userName` is the member's email (their sign-in name) and must be an email address; the
 *   `emails` are accepted and checked but the one address Confero keeps is the userName;
 * - the full name is `displayName`, else `name.formatted`, else `name.givenName name.familyName`,
 *   else the userName's local part;
 * - `externalId` is kept as sent (absent on PUT clears it); `active` is a boolean or the strings
 *   "True"/"False" (any case), absent meaning true;
 * - the Confero extension `urn:ietf:params:scim:schemas:extension:confero:2.0:User` has one
 *   attribute, `videoAddress`, to set the member's address explicitly.
 * Every other attribute of the core and enterprise User schemas is accepted and not stored;
 * an attribute of no schema is an error (`invalidSyntax`), so a typo does not vanish silently.
 * Attribute names are case-insensitive.
 */
import { emailProblem, normaliseEmail } from "./email.js";

export const USER_SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:User";
export const ENTERPRISE_SCHEMA = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
export const CONFERO_SCHEMA = "urn:ietf:params:scim:schemas:extension:confero:2.0:User";

export type ScimType =
  | "invalidSyntax"
  | "invalidValue"
  | "invalidPath"
  | "invalidFilter"
  | "mutability"
  | "noTarget"
  | "uniqueness"
  | "tooMany";
export interface ScimProblem {
  scimType: ScimType;
  detail: string;
}
export type Parsed<T> = { ok: true; value: T } | { ok: false; problem: ScimProblem };

/** Core attributes Confero accepts without storing them (RFC 7643 §4.1). */
export const IGNORED_CORE = [
  "nickname",
  "profileurl",
  "title",
  "usertype",
  "preferredlanguage",
  "locale",
  "timezone",
  "password",
  "phonenumbers",
  "ims",
  "photos",
  "addresses",
  "groups",
  "entitlements",
  "roles",
  "x509certificates",
  "emails",
  "id",
  "meta",
];
export const ENTERPRISE_ATTRIBUTES = [
  "employeenumber",
  "costcenter",
  "organization",
  "division",
  "department",
  "manager",
];

export interface ScimUserInput {
  email: string;
  fullName: string;
  externalId: string | null;
  active: boolean;
  /** The explicit address from the Confero extension; undefined: derive it (or keep it). */
  videoAddress: string | undefined;
}

export const fail = (scimType: ScimType, detail: string) => ({
  ok: false as const,
  problem: { scimType, detail },
});

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** `true`, `false`, "True", "False" (Entra ID sends strings); anything else is null. */
export function scimBoolean(value: unknown): boolean | null {
  if (typeof value === "boolean") return value;
  if (typeof value === "string" && /^(true|false)$/i.test(value.trim()))
    return value.trim().toLowerCase() === "true";
  return null;
}

export function checkUserName(value: unknown): Parsed<string> {
  if (typeof value !== "string" || value.trim() === "") return fail("invalidValue", "userName is required.");
  const email = normaliseEmail(value);
  if (emailProblem(email)) {
    return fail(
      "invalidValue",
      `userName "${value}" is not an email address; Confero uses it as the sign-in email.`,
    );
  }
  return { ok: true, value: email };
}

export function optionalString(value: unknown, attribute: string): Parsed<string | null> {
  if (value === undefined || value === null) return { ok: true, value: null };
  if (typeof value !== "string") return fail("invalidValue", `${attribute} must be a string.`);
  return { ok: true, value: value.trim() === "" ? null : value.trim().slice(0, 200) };
}

/** A full name from a `name` complex value: formatted, else given + family. */
export function nameFrom(value: unknown): Parsed<string | null> {
  if (value === undefined || value === null) return { ok: true, value: null };
  if (!isObject(value)) return fail("invalidValue", "name must be an object.");
  const parts: Record<string, string | null> = {};
  for (const [key, raw] of Object.entries(value)) {
    const part = optionalString(raw, `name.${key}`);
    if (!part.ok) return part;
    parts[key.toLowerCase()] = part.value;
  }
  const joined = [parts.givenname, parts.familyname].filter(Boolean).join(" ");
  return { ok: true, value: parts.formatted ?? (joined || null) };
}

export function localPartOf(email: string): string {
  return email.slice(0, email.lastIndexOf("@")) || email;
}

function checkEmails(value: unknown): ScimProblem | null {
  if (value === undefined || value === null) return null;
  if (!Array.isArray(value)) return { scimType: "invalidValue", detail: "emails must be an array." };
  for (const entry of value) {
    const email = isObject(entry) ? entry.value : undefined;
    if (typeof email !== "string" || emailProblem(normaliseEmail(email))) {
      return { scimType: "invalidValue", detail: "Each of emails needs a value that is an email address." };
    }
  }
  return null;
}

/** The extension objects' attributes, checked against their schemas. */
function checkExtension(schema: string, value: unknown): Parsed<string | undefined> {
  if (!isObject(value)) return fail("invalidSyntax", `${schema} must be an object.`);
  const allowed = schema === CONFERO_SCHEMA ? ["videoaddress"] : ENTERPRISE_ATTRIBUTES;
  let videoAddress: string | undefined;
  for (const [key, raw] of Object.entries(value)) {
    if (!allowed.includes(key.toLowerCase())) {
      return fail("invalidSyntax", `Unknown attribute "${key}" in ${schema}.`);
    }
    if (schema === CONFERO_SCHEMA) {
      if (typeof raw !== "string") return fail("invalidValue", "videoAddress must be a string.");
      videoAddress = raw.trim().toLowerCase();
    }
  }
  return { ok: true, value: videoAddress };
}

/** A POST or PUT body as the member it describes, or the problem with it. */
export function parseUserResource(body: unknown): Parsed<ScimUserInput> {
  if (!isObject(body)) return fail("invalidSyntax", "The body must be a SCIM User resource (a JSON object).");
  const schemas = body.schemas;
  if (
    !Array.isArray(schemas) ||
    !schemas.some((s) => typeof s === "string" && s.toLowerCase() === USER_SCHEMA.toLowerCase())
  ) {
    return fail("invalidSyntax", `schemas must include "${USER_SCHEMA}".`);
  }
  const attributes: Record<string, unknown> = {};
  let videoAddress: string | undefined;
  for (const [key, value] of Object.entries(body)) {
    const lower = key.toLowerCase();
    if (lower === ENTERPRISE_SCHEMA.toLowerCase() || lower === CONFERO_SCHEMA.toLowerCase()) {
      const schema = lower === CONFERO_SCHEMA.toLowerCase() ? CONFERO_SCHEMA : ENTERPRISE_SCHEMA;
      const extension = checkExtension(schema, value);
      if (!extension.ok) return extension;
      if (schema === CONFERO_SCHEMA) videoAddress = extension.value;
    } else if (
      ["schemas", "username", "displayname", "name", "externalid", "active", "emails"].includes(lower)
    ) {
      attributes[lower] = value;
    } else if (!IGNORED_CORE.includes(lower)) {
      return fail("invalidSyntax", `Unknown attribute "${key}": it is in none of the User schemas.`);
    }
  }
  const email = checkUserName(attributes.username);
  if (!email.ok) return email;
  const emailsProblem = checkEmails(attributes.emails);
  if (emailsProblem) return { ok: false, problem: emailsProblem };
  const displayName = optionalString(attributes.displayname, "displayName");
  if (!displayName.ok) return displayName;
  const name = nameFrom(attributes.name);
  if (!name.ok) return name;
  const externalId = optionalString(attributes.externalid, "externalId");
  if (!externalId.ok) return externalId;
  const active = attributes.active === undefined ? true : scimBoolean(attributes.active);
  if (active === null) return fail("invalidValue", 'active must be true or false (or "True"/"False").');
  return {
    ok: true,
    value: {
      email: email.value,
      fullName: displayName.value ?? name.value ?? localPartOf(email.value),
      externalId: externalId.value,
      active,
      videoAddress,
    },
  };
}
