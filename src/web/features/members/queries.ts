import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { InviteMemberInput, UpdateMemberInput } from "../../api/types";
import { meQueryKey } from "../auth/queries";
import { invalidateCompanyData } from "../partner/queries";
import {
  bulkInvite,
  deleteMembers,
  fetchMember,
  fetchMembers,
  fetchPendingInvitations,
  inviteMember,
  type MemberListParams,
  resendInvitations,
  revokeInvitations,
  sendPasswordReset,
  setHostPinsOnAllPersonalRooms,
  updateMember,
} from "./api";

export const MEMBERS_PAGE_SIZE = 25;
export const INVITATIONS_PAGE_SIZE = 50;

/** Every members query of a company starts with this key, so one invalidation refreshes them all. */
const membersKey = (companyId: string) => ["company", companyId, "members"] as const;

export function useMembers(companyId: string, params: MemberListParams) {
  return useQuery({
    queryKey: [...membersKey(companyId), "list", params],
    queryFn: ({ signal }) => fetchMembers(companyId, params, signal),
    placeholderData: keepPreviousData,
  });
}

export function useMember(companyId: string, memberId: string) {
  return useQuery({
    queryKey: [...membersKey(companyId), "one", memberId],
    queryFn: ({ signal }) => fetchMember(companyId, memberId, signal),
  });
}

export function usePendingInvitations(companyId: string, page: number) {
  return useQuery({
    queryKey: [...membersKey(companyId), "invitations", page],
    queryFn: ({ signal }) =>
      fetchPendingInvitations(companyId, { page, pageSize: INVITATIONS_PAGE_SIZE }, signal),
    placeholderData: keepPreviousData,
  });
}

/**
 * Members change licence counts, so after any change the company (its usage figures, the
 * partner's and operator's lists) is refreshed too; the "company" key covers the members lists.
 */
function useMembersMutation<TInput, TResult>(mutationFn: (input: TInput) => Promise<TResult>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn, onSuccess: () => invalidateCompanyData(queryClient) });
}

export function useInviteMember(companyId: string) {
  return useMembersMutation((input: InviteMemberInput) => inviteMember(companyId, input));
}

export function useDeleteMembers(companyId: string) {
  return useMembersMutation((ids: string[]) => deleteMembers(companyId, ids));
}

export function useResendInvitations(companyId: string) {
  return useMembersMutation((ids: string[]) => resendInvitations(companyId, ids));
}

export function useRevokeInvitations(companyId: string) {
  return useMembersMutation((ids: string[]) => revokeInvitations(companyId, ids));
}

export function useBulkInvite(companyId: string) {
  return useMembersMutation(({ file, expected }: { file: File; expected: number }) =>
    bulkInvite(companyId, file, expected),
  );
}

export function useSetHostPins(companyId: string) {
  return useMembersMutation(() => setHostPinsOnAllPersonalRooms(companyId));
}

export function useUpdateMember(companyId: string, memberId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: UpdateMemberInput) => updateMember(companyId, memberId, input),
    onSuccess: async () => {
      await invalidateCompanyData(queryClient);
      // An admin editing their own name, address or role changes Me (menu, home page, access).
      await queryClient.invalidateQueries({ queryKey: meQueryKey });
    },
  });
}

export function useSendPasswordReset(companyId: string, memberId: string) {
  return useMutation({ mutationFn: () => sendPasswordReset(companyId, memberId) });
}
