import { useMutation, useQuery } from "@tanstack/react-query";
import { dialIn, fetchConnectInfo, fetchConnectRooms } from "./api";

export function useConnectInfo(token: string) {
  return useQuery({
    queryKey: ["connect", token],
    queryFn: ({ signal }) => fetchConnectInfo(token, signal),
    retry: false,
  });
}

export function useConnectRooms(token: string, enabled: boolean) {
  return useQuery({
    queryKey: ["connect", token, "rooms"],
    queryFn: ({ signal }) => fetchConnectRooms(token, signal),
    enabled,
    retry: false,
  });
}

export function useDialIn(token: string) {
  return useMutation({ mutationFn: (address: string) => dialIn(token, address) });
}
