import { apiRequest } from "../../api/client";
import type { MeetingConnectDialled, MeetingConnectInfo, MeetingConnectRoom } from "../../api/types";

const connectPath = (token: string) => `/connect/${encodeURIComponent(token)}`;

export function fetchConnectInfo(token: string, signal?: AbortSignal): Promise<MeetingConnectInfo> {
  return apiRequest(connectPath(token), { signal });
}

export function fetchConnectRooms(
  token: string,
  signal?: AbortSignal,
): Promise<{ items: MeetingConnectRoom[] }> {
  return apiRequest(`${connectPath(token)}/rooms`, { signal });
}

export function dialIn(token: string, address: string): Promise<MeetingConnectDialled> {
  return apiRequest(`${connectPath(token)}/dial`, { method: "POST", body: { address } });
}
