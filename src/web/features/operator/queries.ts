import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { fetchOutbox } from "./api";

export const OUTBOX_PAGE_SIZE = 20;

export function useOutbox(page: number) {
  return useQuery({
    queryKey: ["operator", "outbox", page, OUTBOX_PAGE_SIZE],
    queryFn: ({ signal }) => fetchOutbox(page, OUTBOX_PAGE_SIZE, signal),
    // Keep the current rows on screen while the next page loads, so the table does not jump.
    placeholderData: keepPreviousData,
  });
}
