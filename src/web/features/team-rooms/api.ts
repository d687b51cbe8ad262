import { apiRequest } from "../../api/client";
import type {
  CreateTeamRoomInput,
  Licences,
  OwnTeamRoom,
  Page,
  SetTeamRoomOwnersInput,
  TeamRoom,
  TeamRoomPage,
  UpdateOwnRoomInput,
  UpdateTeamRoomInput,
} from "../../api/types";

const roomsPath = (companyId: string) => `/companies/${encodeURIComponent(companyId)}/team-rooms`;
const roomPath = (companyId: string, roomId: string) =>
  `${roomsPath(companyId)}/${encodeURIComponent(roomId)}`;

export interface TeamRoomListParams {
  q: string;
  page: number;
  pageSize: number;
}

function listQuery(params: TeamRoomListParams): URLSearchParams {
  const query = new URLSearchParams({ page: String(params.page), pageSize: String(params.pageSize) });
  if (params.q.trim()) query.set("q", params.q.trim());
  return query;
}

export function fetchTeamRooms(
  companyId: string,
  params: TeamRoomListParams,
  signal?: AbortSignal,
): Promise<TeamRoomPage> {
  return apiRequest(`${roomsPath(companyId)}?${listQuery(params)}`, { signal });
}

export function fetchTeamRoom(companyId: string, roomId: string, signal?: AbortSignal): Promise<TeamRoom> {
  return apiRequest(roomPath(companyId, roomId), { signal });
}

export function createTeamRoom(
  companyId: string,
  input: CreateTeamRoomInput,
): Promise<{ room: TeamRoom; licences: Licences; warnings: string[] }> {
  return apiRequest(roomsPath(companyId), { method: "POST", body: input });
}

export function updateTeamRoom(
  companyId: string,
  roomId: string,
  input: UpdateTeamRoomInput,
): Promise<{ room: TeamRoom; warnings: string[] }> {
  return apiRequest(roomPath(companyId, roomId), { method: "PATCH", body: input });
}

export function setTeamRoomOwners(
  companyId: string,
  roomId: string,
  input: SetTeamRoomOwnersInput,
): Promise<TeamRoom> {
  return apiRequest(`${roomPath(companyId, roomId)}/owners`, { method: "PUT", body: input });
}

export function deleteTeamRooms(
  companyId: string,
  ids: string[],
): Promise<{ deleted: number; licences: Licences }> {
  return apiRequest(`${roomsPath(companyId)}/delete`, { method: "POST", body: { ids } });
}

export function fetchMyRooms(params: TeamRoomListParams, signal?: AbortSignal): Promise<Page<OwnTeamRoom>> {
  return apiRequest(`/me/rooms?${listQuery(params)}`, { signal });
}

export function updateMyRoom(
  roomId: string,
  input: UpdateOwnRoomInput,
): Promise<{ room: OwnTeamRoom; warnings: string[] }> {
  return apiRequest(`/me/rooms/${encodeURIComponent(roomId)}`, { method: "PATCH", body: input });
}
