import { apiRequest } from "../../api/client";
import type { Profile, UpdateOwnRoomInput, UpdateOwnRoomResult } from "../../api/types";

export function fetchProfile(signal?: AbortSignal): Promise<Profile> {
  return apiRequest<Profile>("/me/profile", { signal });
}

export function updateProfile(input: { fullName: string }): Promise<Profile> {
  return apiRequest<Profile>("/me/profile", { method: "PATCH", body: input });
}

export function updateOwnRoom(input: UpdateOwnRoomInput): Promise<UpdateOwnRoomResult> {
  return apiRequest<UpdateOwnRoomResult>("/me/personal-room", { method: "PATCH", body: input });
}
