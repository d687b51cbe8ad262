import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { Profile } from "../../api/types";
import { meQueryKey } from "../auth/queries";
import { fetchProfile, updateOwnRoom, updateProfile } from "./api";

// Not under the "me" key: signing in clears every other key, so another account's profile
// (with its PINs) can never show from the cache.
const profileKey = ["profile"] as const;

export function useProfile() {
  return useQuery({ queryKey: profileKey, queryFn: ({ signal }) => fetchProfile(signal) });
}

export function useUpdateProfile() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateProfile,
    onSuccess: async (profile) => {
      queryClient.setQueryData(profileKey, profile);
      // The header and home page greet the user by this name.
      await queryClient.invalidateQueries({ queryKey: meQueryKey });
    },
  });
}

export function useUpdateOwnRoom() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateOwnRoom,
    onSuccess: ({ personalRoom }) => {
      queryClient.setQueryData<Profile>(profileKey, (old) => (old ? { ...old, personalRoom } : old));
      // Admins' member pages and the directory show the room too.
      void queryClient.invalidateQueries({ queryKey: ["company"] });
      void queryClient.invalidateQueries({ queryKey: ["directory"] });
    },
  });
}
