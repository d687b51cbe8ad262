import { apiRequest } from "../../api/client";
import type { Invitation } from "../../api/types";
import type { Me } from "../auth/api";

const invitationPath = (token: string) => `/invitations/${encodeURIComponent(token)}`;

export function fetchInvitation(token: string, signal?: AbortSignal): Promise<Invitation> {
  return apiRequest<Invitation>(invitationPath(token), { signal });
}

/** Sets the password, activates the account and signs it in (the answer is the new Me). */
export function acceptInvitation(token: string, input: { password: string }): Promise<Me> {
  return apiRequest<Me>(`${invitationPath(token)}/accept`, { method: "POST", body: input });
}
