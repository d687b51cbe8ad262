/**
 * SCIM PATCH (RFC 7644 §3.5.2) on a member, including the forms Entra ID sends:
 * - `op` in any case (`Add`, `Replace`, `Remove`);
 * - path-less operations whose value is an object of attributes, keyed by name or by path
 *   (`{"active": false}`, `{"name.givenName": "Jane"}`, `{"urn:…:enterprise:2.0:User:department": "x"}`);
 * - `active` as a boolean or the string "True"/"False";
 * - value filters in paths (`emails[type eq "work"].value`), whose root attribute decides.
 * What changes: userName (the email), displayName / name (the full name), externalId, active and
 * the Confero extension's videoAddress. Other attributes of the User schemas are accepted and not
 * stored. A path of no schema is `invalidPath`; removing userName, active or videoAddress (a member
 * always has them) is `mutability`. Name parts without a displayName replace that part of the
 * current full name (first word = given name, the rest = family name).
 */
import {
  CONFERO_SCHEMA,
  checkUserName,
  ENTERPRISE_ATTRIBUTES,
  ENTERPRISE_SCHEMA,
  fail,
  IGNORED_CORE,
  isObject,
  localPartOf,
  optionalString,
  type Parsed,
  scimBoolean,
  USER_SCHEMA,
} from "./scim-user.js";

export const PATCH_SCHEMA = "urn:ietf:params:scim:api:messages:2.0:PatchOp";

export interface ScimUserState {
  email: string;
  fullName: string;
  externalId: string | null;
  active: boolean;
  videoAddress: string | null;
}

interface Draft extends ScimUserState {
  displayName: string | null | undefined;
  givenName: string | null | undefined;
  familyName: string | null | undefined;
  formatted: string | null | undefined;
}

type Op = "add" | "replace" | "remove";
type Attribute =
  | { kind: "userName" | "displayName" | "externalId" | "active" | "videoAddress" | "name" | "ignored" }
  | { kind: "namePart"; part: "givenName" | "familyName" | "formatted" };

const NAME_PARTS = { givenname: "givenName", familyname: "familyName", formatted: "formatted" } as const;

/** Which attribute a path names (the core schema's URN prefix and value filters allowed). */
function resolvePath(path: string): Attribute | null {
  let lower = path.trim().toLowerCase();
  const confero = `${CONFERO_SCHEMA.toLowerCase()}:`;
  const enterprise = `${ENTERPRISE_SCHEMA.toLowerCase()}:`;
  if (lower.startsWith(confero))
    return lower.slice(confero.length) === "videoaddress" ? { kind: "videoAddress" } : null;
  if (lower.startsWith(enterprise)) {
    const root = lower.slice(enterprise.length).split(/[.[]/)[0] ?? "";
    return ENTERPRISE_ATTRIBUTES.includes(root) ? { kind: "ignored" } : null;
  }
  if (lower.startsWith(`${USER_SCHEMA.toLowerCase()}:`)) lower = lower.slice(USER_SCHEMA.length + 1);
  const [root = "", sub] = lower.replace(/\[.*?\]/, "").split(".");
  switch (root) {
    case "username":
      return { kind: "userName" };
    case "displayname":
      return { kind: "displayName" };
    case "externalid":
      return { kind: "externalId" };
    case "active":
      return { kind: "active" };
    case "name": {
      if (!sub) return { kind: "name" };
      const part = NAME_PARTS[sub as keyof typeof NAME_PARTS];
      return part
        ? { kind: "namePart", part }
        : IGNORED_NAME_PARTS.includes(sub)
          ? { kind: "ignored" }
          : null;
    }
    default:
      return IGNORED_CORE.includes(root) ? { kind: "ignored" } : null;
  }
}

const IGNORED_NAME_PARTS = ["middlename", "honorificprefix", "honorificsuffix"];

function setAttribute(draft: Draft, attribute: Attribute, value: unknown, path: string): Parsed<null> {
  const ok = { ok: true as const, value: null };
  switch (attribute.kind) {
    case "ignored":
      return ok;
    case "userName": {
      const email = checkUserName(value);
      if (!email.ok) return email;
      draft.email = email.value;
      return ok;
    }
    case "active": {
      const active = scimBoolean(value);
      if (active === null) return fail("invalidValue", 'active must be true or false (or "True"/"False").');
      draft.active = active;
      return ok;
    }
    case "videoAddress":
      if (typeof value !== "string" || value.trim() === "")
        return fail("invalidValue", "videoAddress must be a non-empty string.");
      draft.videoAddress = value.trim().toLowerCase();
      return ok;
    case "name":
      if (!isObject(value)) return fail("invalidValue", "name must be an object.");
      for (const [key, part] of Object.entries(value)) {
        const result = applyOne(draft, "add", `name.${key}`, part);
        if (!result.ok) return result;
      }
      return ok;
    default: {
      const text = optionalString(value, path);
      if (!text.ok) return text;
      if (attribute.kind === "namePart") draft[attribute.part] = text.value;
      else if (attribute.kind === "displayName") draft.displayName = text.value;
      else draft.externalId = text.value;
      return ok;
    }
  }
}

function removeAttribute(draft: Draft, attribute: Attribute, path: string): Parsed<null> {
  switch (attribute.kind) {
    case "userName":
    case "active":
    case "videoAddress":
      return fail("mutability", `${path} cannot be removed: every member has one.`);
    case "externalId":
      draft.externalId = null;
      break;
    case "displayName":
      draft.displayName = null;
      break;
    case "name":
      draft.givenName = draft.familyName = draft.formatted = null;
      break;
    case "namePart":
      draft[attribute.part] = null;
      break;
    case "ignored":
      break;
  }
  return { ok: true, value: null };
}

function applyOne(draft: Draft, op: Op, path: string, value: unknown): Parsed<null> {
  const attribute = resolvePath(path);
  if (!attribute)
    return fail("invalidPath", `Unknown attribute path "${path}": it is in none of the User schemas.`);
  return op === "remove"
    ? removeAttribute(draft, attribute, path)
    : setAttribute(draft, attribute, value, path);
}

/** A path-less add/replace: every key of the value object is a path (an extension URN holds an object). */
function applyValueObject(draft: Draft, op: Op, value: unknown): Parsed<null> {
  if (!isObject(value))
    return fail("invalidSyntax", "An operation without a path needs an object as its value.");
  for (const [key, inner] of Object.entries(value)) {
    const lower = key.toLowerCase();
    const isExtension = lower === CONFERO_SCHEMA.toLowerCase() || lower === ENTERPRISE_SCHEMA.toLowerCase();
    if (isExtension && isObject(inner)) {
      for (const [attribute, v] of Object.entries(inner)) {
        const result = applyOne(draft, op, `${key}:${attribute}`, v);
        if (!result.ok) return result;
      }
      continue;
    }
    if (lower === "schemas") continue;
    const result = applyOne(draft, op, key, inner);
    if (!result.ok) return result;
  }
  return { ok: true, value: null };
}

function fullNameOf(draft: Draft, current: ScimUserState): string {
  if (draft.displayName) return draft.displayName;
  if (draft.formatted) return draft.formatted;
  if (draft.givenName !== undefined || draft.familyName !== undefined) {
    const [first = "", ...rest] = current.fullName.split(" ");
    const given = draft.givenName === undefined ? first : draft.givenName;
    const family = draft.familyName === undefined ? rest.join(" ") : draft.familyName;
    const joined = [given, family].filter(Boolean).join(" ");
    if (joined) return joined;
  }
  if (draft.displayName === null || draft.formatted === null) return localPartOf(draft.email);
  return current.fullName;
}

/** The member after the PATCH body's operations (all or nothing), or the first problem. */
export function applyPatch(current: ScimUserState, body: unknown): Parsed<ScimUserState> {
  if (!isObject(body))
    return fail("invalidSyntax", "The body must be a SCIM PatchOp message (a JSON object).");
  const schemas = body.schemas;
  if (!Array.isArray(schemas) || !schemas.includes(PATCH_SCHEMA)) {
    return fail("invalidSyntax", `schemas must be ["${PATCH_SCHEMA}"].`);
  }
  const operations = body.Operations ?? body.operations;
  if (!Array.isArray(operations) || operations.length === 0) {
    return fail("invalidSyntax", "Operations must be a non-empty array.");
  }
  const draft: Draft = {
    ...current,
    displayName: undefined,
    givenName: undefined,
    familyName: undefined,
    formatted: undefined,
  };
  for (const [index, operation] of operations.entries()) {
    if (!isObject(operation)) return fail("invalidSyntax", `Operations[${index}] must be an object.`);
    const op = typeof operation.op === "string" ? operation.op.toLowerCase() : "";
    if (op !== "add" && op !== "replace" && op !== "remove") {
      return fail("invalidSyntax", `Operations[${index}].op must be add, replace or remove.`);
    }
    const path = operation.path;
    if (path !== undefined && (typeof path !== "string" || path.trim() === "")) {
      return fail("invalidPath", `Operations[${index}].path must be a non-empty string.`);
    }
    let result: Parsed<null>;
    if (path === undefined) {
      if (op === "remove") return fail("noTarget", "A remove operation needs a path.");
      result = applyValueObject(draft, op, operation.value);
    } else {
      if (op !== "remove" && !("value" in operation)) {
        return fail("invalidValue", `Operations[${index}] needs a value.`);
      }
      result = applyOne(draft, op, path, operation.value);
    }
    if (!result.ok) return result;
  }
  return {
    ok: true,
    value: {
      email: draft.email,
      fullName: fullNameOf(draft, current).slice(0, 200),
      externalId: draft.externalId,
      active: draft.active,
      videoAddress: draft.videoAddress,
    },
  };
}
