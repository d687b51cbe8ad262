import { CONFERO_SCHEMA, USER_SCHEMA } from "../../../domain/scim-user.js";
import type { AccountRow } from "../auth/accounts.repository.js";

export const LIST_SCHEMA = "urn:ietf:params:scim:api:messages:2.0:ListResponse";

/** `W/"<last change in ms>"`: changes whenever meta.lastModified does. */
export function userVersion(row: Pick<AccountRow, "updatedAt">): string {
  return `W/"${row.updatedAt.getTime()}"`;
}

/**
 * A member as a SCIM User: userName and the one (work, primary) email are the member's email,
 * name.formatted and displayName the full name; active is false only while suspended (an invited
 * member, who has not set a password yet, is active). No password, role or PIN ever leaves.
 */
export function toScimUser(row: AccountRow, baseUrl: string) {
  return {
    schemas: [USER_SCHEMA, CONFERO_SCHEMA],
    id: row.id,
    ...(row.externalId ? { externalId: row.externalId } : {}),
    userName: row.email,
    name: { formatted: row.fullName },
    displayName: row.fullName,
    emails: [{ value: row.email, type: "work", primary: true }],
    active: row.status !== "suspended",
    [CONFERO_SCHEMA]: { videoAddress: row.videoAddress },
    meta: {
      resourceType: "User",
      created: row.createdAt.toISOString(),
      lastModified: row.updatedAt.toISOString(),
      location: `${baseUrl}/Users/${row.id}`,
      version: userVersion(row),
    },
  };
}

export function listResponse<T>(resources: T[], total: number, startIndex: number) {
  return {
    schemas: [LIST_SCHEMA],
    totalResults: total,
    startIndex,
    itemsPerPage: resources.length,
    Resources: resources,
  };
}
