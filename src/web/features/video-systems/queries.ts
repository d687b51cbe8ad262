import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { CreateVideoSystemInput, UpdateVideoSystemInput } from "../../api/types";
import { invalidateCompanyData } from "../partner/queries";
import {
  bulkCreateVideoSystems,
  createVideoSystem,
  deleteVideoSystems,
  fetchMemberVideoSystems,
  fetchVideoSystem,
  fetchVideoSystems,
  previewBulkVideoSystems,
  updateVideoSystem,
  type VideoSystemListParams,
} from "./api";

export const VIDEO_SYSTEMS_PAGE_SIZE = 25;

/** Under the "company" key, so `invalidateCompanyData` refreshes video systems with everything else. */
const systemsKey = (companyId: string) => ["company", companyId, "video-systems"] as const;

export function useVideoSystems(companyId: string, params: VideoSystemListParams) {
  return useQuery({
    queryKey: [...systemsKey(companyId), "list", params],
    queryFn: ({ signal }) => fetchVideoSystems(companyId, params, signal),
    placeholderData: keepPreviousData,
  });
}

export function useVideoSystem(companyId: string, id: string) {
  return useQuery({
    queryKey: [...systemsKey(companyId), "one", id],
    queryFn: ({ signal }) => fetchVideoSystem(companyId, id, signal),
  });
}

export function useMemberVideoSystems(companyId: string, memberId: string) {
  return useQuery({
    queryKey: [...systemsKey(companyId), "member", memberId],
    queryFn: ({ signal }) => fetchMemberVideoSystems(companyId, memberId, signal),
  });
}

/** A change to subscriptions also changes the company's usage figures: refresh every company view. */
function useCompanyMutation<TInput, TResult>(run: (input: TInput) => Promise<TResult>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: run, onSuccess: () => invalidateCompanyData(queryClient) });
}

export function useCreateVideoSystem(companyId: string) {
  return useCompanyMutation((input: CreateVideoSystemInput) => createVideoSystem(companyId, input));
}

export function useUpdateVideoSystem(companyId: string, id: string) {
  return useCompanyMutation((input: UpdateVideoSystemInput) => updateVideoSystem(companyId, id, input));
}

export function useDeleteVideoSystems(companyId: string) {
  return useCompanyMutation((ids: string[]) => deleteVideoSystems(companyId, ids));
}

export function usePreviewBulkVideoSystems(companyId: string) {
  return useMutation({ mutationFn: (file: File) => previewBulkVideoSystems(companyId, file) });
}

export function useBulkCreateVideoSystems(companyId: string) {
  return useCompanyMutation(({ file, expected }: { file: File; expected: number }) =>
    bulkCreateVideoSystems(companyId, file, expected),
  );
}
