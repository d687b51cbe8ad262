/**
 * Who is acting: a signed-in account, or the system itself (the `confero` command line run by
 * whoever runs the server, first-run setup).
 */
export interface AccountActor {
  type: "account";
  accountId: string;
  kind: "operator" | "partner_admin" | "member";
  role: "admin" | "member" | null;
  companyId: string | null;
  partnerId: string | null;
  fullName: string;
  ip: string | null;
  /**
   * How the request proved who it is, when not by a session cookie: an API token
   * (modules/api-tokens). Absent for sessions. Rules that only a signed-in person may pass
   * (changing credentials) check it.
   */
  via?: ApiTokenVia;
}

export interface ApiTokenVia {
  type: "api_token";
  tokenId: string;
  scope: "read" | "write";
}

export interface SystemActor {
  type: "system";
  fullName: string;
}

export type Actor = AccountActor | SystemActor;

export const CLI_ACTOR: SystemActor = { type: "system", fullName: "confero command line" };
export const SETUP_ACTOR: SystemActor = { type: "system", fullName: "first-run setup" };
