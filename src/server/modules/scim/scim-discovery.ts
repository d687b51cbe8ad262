import { CONFERO_SCHEMA, ENTERPRISE_SCHEMA, USER_SCHEMA } from "../../../domain/scim-user.js";

/**
 * The discovery resources (RFC 7644 §4): what this SCIM server does. Users only (no Groups, no
 * bulk, no sorting, no ETags on requests, no password changes); filters on userName,
 * externalId, emails and id (scim-filter.ts); pages of at most MAX_PAGE_SIZE. Their `location`
 * is absolute, built from the public URL.
 */
export const DEFAULT_PAGE_SIZE = 100;
export const MAX_PAGE_SIZE = 1000;

const SPC_SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig";
const RESOURCE_TYPE_SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:ResourceType";
const SCHEMA_SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:Schema";

export function serviceProviderConfig(baseUrl: string) {
  return {
    schemas: [SPC_SCHEMA],
    documentationUri: "https://github.com/confero/confero/blob/main/docs/scim.md",
    patch: { supported: true },
    bulk: { supported: false, maxOperations: 0, maxPayloadSize: 0 },
    filter: { supported: true, maxResults: MAX_PAGE_SIZE },
    changePassword: { supported: false },
    sort: { supported: false },
    etag: { supported: false },
    authenticationSchemes: [
      {
        type: "oauthbearertoken",
        name: "Bearer token",
        description: "A SCIM token created by a company admin under Company settings → User provisioning.",
        primary: true,
      },
    ],
    meta: { resourceType: "ServiceProviderConfig", location: `${baseUrl}/ServiceProviderConfig` },
  };
}

export function userResourceType(baseUrl: string) {
  return {
    schemas: [RESOURCE_TYPE_SCHEMA],
    id: "User",
    name: "User",
    endpoint: "/Users",
    description: "A member of the company",
    schema: USER_SCHEMA,
    schemaExtensions: [
      { schema: ENTERPRISE_SCHEMA, required: false },
      { schema: CONFERO_SCHEMA, required: false },
    ],
    meta: { resourceType: "ResourceType", location: `${baseUrl}/ResourceTypes/User` },
  };
}

type Attribute = Record<string, unknown>;
function attribute(name: string, description: string, extra: Attribute = {}): Attribute {
  return {
    name,
    type: "string",
    multiValued: false,
    description,
    required: false,
    caseExact: false,
    mutability: "readWrite",
    returned: "default",
    uniqueness: "none",
    ...extra,
  };
}

function schemaResource(
  baseUrl: string,
  id: string,
  name: string,
  description: string,
  attributes: Attribute[],
) {
  return {
    schemas: [SCHEMA_SCHEMA],
    id,
    name,
    description,
    attributes,
    meta: { resourceType: "Schema", location: `${baseUrl}/Schemas/${id}` },
  };
}

export function schemas(baseUrl: string) {
  return [
    schemaResource(baseUrl, USER_SCHEMA, "User", "A member of the company", [
      attribute("userName", "The member's email address, which they sign in with.", {
        required: true,
        uniqueness: "server",
      }),
      attribute("displayName", "The member's full name."),
      attribute("name", "The full name, if displayName is not given.", {
        type: "complex",
        subAttributes: [
          attribute("formatted", "The full name."),
          attribute("givenName", "Given name."),
          attribute("familyName", "Family name."),
        ],
      }),
      attribute("emails", "Accepted; the member's one email is the userName.", {
        type: "complex",
        multiValued: true,
        subAttributes: [attribute("value", "An email address."), attribute("type", "work")],
      }),
      attribute("active", "false suspends the member: no sign-in, calls to their VMR refused.", {
        type: "boolean",
      }),
      attribute("externalId", "The identity provider's id for the member.", { caseExact: true }),
    ]),
    schemaResource(baseUrl, ENTERPRISE_SCHEMA, "EnterpriseUser", "Accepted, not stored", [
      attribute("employeeNumber", "Accepted, not stored."),
      attribute("department", "Accepted, not stored."),
    ]),
    schemaResource(baseUrl, CONFERO_SCHEMA, "ConferoUser", "Confero's own attributes", [
      attribute(
        "videoAddress",
        "The member's video address (name@domain, or a name on the company's first video domain). Without it, it is derived from the userName.",
        { uniqueness: "global" },
      ),
    ]),
  ];
}
