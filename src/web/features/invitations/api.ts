import { apiRequest } from "../../api/client";
import type { Invitation } from "../../api/types";
import type { Me } from "../auth/api";

const invitationPath = (token: string) => `/invitations/${encodeURIComponent(token)}`;

export function fetchInvitation(token: string, signal?: AbortSignal): Promise<Invitation> {
  return apiRequest<Invitation>(invitationPath(token), { signal });
}

/** Accepted, not signed in: two-factor sign-in must be set up first, on the sign-in page. */
export interface SignInRequired {
  status: "sign_in_required";
  login: string;
}

/** Sets the password, activates the account and signs it in (the answer is the new Me). */
export function acceptInvitation(token: string, input: { password: string }): Promise<Me | SignInRequired> {
  return apiRequest<Me | SignInRequired>(`${invitationPath(token)}/accept`, { method: "POST", body: input });
}

export function isSignInRequired(answer: Me | SignInRequired): answer is SignInRequired {
  return "status" in answer && answer.status === "sign_in_required";
}
