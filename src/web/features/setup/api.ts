import { apiRequest, isApiError } from "../../api/client";
import type { Me } from "../auth/api";

export interface SetupInput {
  token: string;
  serviceName: string;
  serviceDomain: string;
  vmrSuffix: string;
  operator: { fullName: string; email: string; password: string };
}

export function fetchSetupStatus(signal?: AbortSignal): Promise<{ setupRequired: boolean }> {
  return apiRequest<{ setupRequired: boolean }>("/setup/status", { signal });
}

/** false when the server does not know the link or it was used already (404). */
export async function checkSetupToken(token: string, signal?: AbortSignal): Promise<boolean> {
  try {
    const answer = await apiRequest<{ valid: boolean }>(`/setup/${encodeURIComponent(token)}`, { signal });
    return answer.valid;
  } catch (error) {
    if (isApiError(error, 404)) return false;
    throw error;
  }
}

export function completeSetup(input: SetupInput): Promise<Me> {
  return apiRequest<Me>("/setup", { method: "POST", body: input });
}
