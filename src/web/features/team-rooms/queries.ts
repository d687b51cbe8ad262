import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type {
  CreateTeamRoomInput,
  SetTeamRoomOwnersInput,
  UpdateOwnRoomInput,
  UpdateTeamRoomInput,
} from "../../api/types";
import { invalidateCompanyData } from "../partner/queries";
import {
  createTeamRoom,
  deleteTeamRooms,
  fetchMyRooms,
  fetchTeamRoom,
  fetchTeamRooms,
  setTeamRoomOwners,
  type TeamRoomListParams,
  updateMyRoom,
  updateTeamRoom,
} from "./api";

export const TEAM_ROOMS_PAGE_SIZE = 25;
export const MY_ROOMS_PAGE_SIZE = 20;

/** Under the "company" key, so `invalidateCompanyData` refreshes team rooms with everything else. */
const teamRoomsKey = (companyId: string) => ["company", companyId, "team-rooms"] as const;
const myRoomsKey = ["me", "rooms"] as const;

export function useTeamRooms(companyId: string, params: TeamRoomListParams) {
  return useQuery({
    queryKey: [...teamRoomsKey(companyId), "list", params],
    queryFn: ({ signal }) => fetchTeamRooms(companyId, params, signal),
    placeholderData: keepPreviousData,
  });
}

export function useTeamRoom(companyId: string, roomId: string) {
  return useQuery({
    queryKey: [...teamRoomsKey(companyId), "one", roomId],
    queryFn: ({ signal }) => fetchTeamRoom(companyId, roomId, signal),
  });
}

/**
 * Team rooms change licence counts (company pages, partner and operator lists) and what owners
 * see under My rooms, so every change refreshes both.
 */
function useTeamRoomMutation<TInput, TResult>(mutationFn: (input: TInput) => Promise<TResult>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: async () => {
      await invalidateCompanyData(queryClient);
      await queryClient.invalidateQueries({ queryKey: myRoomsKey });
    },
  });
}

export function useCreateTeamRoom(companyId: string) {
  return useTeamRoomMutation((input: CreateTeamRoomInput) => createTeamRoom(companyId, input));
}

export function useUpdateTeamRoom(companyId: string, roomId: string) {
  return useTeamRoomMutation((input: UpdateTeamRoomInput) => updateTeamRoom(companyId, roomId, input));
}

export function useSetTeamRoomOwners(companyId: string, roomId: string) {
  return useTeamRoomMutation((input: SetTeamRoomOwnersInput) => setTeamRoomOwners(companyId, roomId, input));
}

export function useDeleteTeamRooms(companyId: string) {
  return useTeamRoomMutation((ids: string[]) => deleteTeamRooms(companyId, ids));
}

export function useMyRooms(params: TeamRoomListParams) {
  return useQuery({
    queryKey: [...myRoomsKey, params],
    queryFn: ({ signal }) => fetchMyRooms(params, signal),
    placeholderData: keepPreviousData,
  });
}

export function useUpdateMyRoom(roomId: string) {
  return useTeamRoomMutation((input: UpdateOwnRoomInput) => updateMyRoom(roomId, input));
}
