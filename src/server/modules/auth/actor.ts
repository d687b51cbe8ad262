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
}

export interface SystemActor {
  type: "system";
  fullName: string;
}

export type Actor = AccountActor | SystemActor;

export const CLI_ACTOR: SystemActor = { type: "system", fullName: "confero command line" };
export const SETUP_ACTOR: SystemActor = { type: "system", fullName: "first-run setup" };
