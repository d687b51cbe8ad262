import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { type DirectoryParams, fetchDirectory } from "./api";

export const DIRECTORY_PAGE_SIZE = 25;

export function useDirectory(companyId: string, params: DirectoryParams) {
  return useQuery({
    queryKey: ["directory", companyId, params],
    queryFn: ({ signal }) => fetchDirectory(companyId, params, signal),
    placeholderData: keepPreviousData,
  });
}
