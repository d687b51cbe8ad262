import type { BulkInvitePreview } from "../../../domain/bulk-invite";
import { apiDownload, apiRequest } from "../../api/client";
import type {
  AddressAvailability,
  InviteMemberInput,
  Licences,
  Member,
  MemberPage,
  MemberStatus,
  Page,
  PendingInvitation,
  UpdateMemberInput,
} from "../../api/types";

const companyPath = (companyId: string) => `/companies/${encodeURIComponent(companyId)}`;
const memberPath = (companyId: string, memberId: string) =>
  `${companyPath(companyId)}/members/${encodeURIComponent(memberId)}`;

export interface MemberListParams {
  q: string;
  status: MemberStatus | "";
  sort: string;
  page: number;
  pageSize: number;
}

/** The filters without paging, shared by the list and its CSV export. */
export function memberFilterQuery(params: Pick<MemberListParams, "q" | "status" | "sort">): URLSearchParams {
  const query = new URLSearchParams();
  if (params.q.trim()) query.set("q", params.q.trim());
  if (params.status) query.set("status", params.status);
  if (params.sort) query.set("sort", params.sort);
  return query;
}

export function fetchMembers(
  companyId: string,
  params: MemberListParams,
  signal?: AbortSignal,
): Promise<MemberPage> {
  const query = memberFilterQuery(params);
  query.set("page", String(params.page));
  query.set("pageSize", String(params.pageSize));
  return apiRequest<MemberPage>(`${companyPath(companyId)}/members?${query}`, { signal });
}

/** A plain link (not fetch), so the browser downloads the file with the session cookie. */
export function membersCsvUrl(companyId: string, params: Pick<MemberListParams, "q" | "status" | "sort">) {
  const query = memberFilterQuery(params).toString();
  return `/api/v1${companyPath(companyId)}/members.csv${query ? `?${query}` : ""}`;
}

export function fetchMember(companyId: string, memberId: string, signal?: AbortSignal): Promise<Member> {
  return apiRequest<Member>(memberPath(companyId, memberId), { signal });
}

export function updateMember(
  companyId: string,
  memberId: string,
  input: UpdateMemberInput,
): Promise<{ member: Member; warnings: string[] }> {
  return apiRequest(memberPath(companyId, memberId), { method: "PATCH", body: input });
}

export function deleteMembers(companyId: string, ids: string[]): Promise<{ deleted: number }> {
  return apiRequest(`${companyPath(companyId)}/members/delete`, { method: "POST", body: { ids } });
}

export function sendPasswordReset(companyId: string, memberId: string): Promise<{ ok: true }> {
  return apiRequest(`${memberPath(companyId, memberId)}/password-reset`, { method: "POST" });
}

export function fetchPendingInvitations(
  companyId: string,
  params: { page: number; pageSize: number },
  signal?: AbortSignal,
): Promise<Page<PendingInvitation>> {
  const query = new URLSearchParams({ page: String(params.page), pageSize: String(params.pageSize) });
  return apiRequest(`${companyPath(companyId)}/invitations?${query}`, { signal });
}

export function inviteMember(
  companyId: string,
  input: InviteMemberInput,
): Promise<{ member: Member; licences: Licences }> {
  return apiRequest(`${companyPath(companyId)}/invitations`, { method: "POST", body: input });
}

export function resendInvitations(companyId: string, ids: string[]): Promise<{ resent: number }> {
  return apiRequest(`${companyPath(companyId)}/invitations/resend`, { method: "POST", body: { ids } });
}

export function revokeInvitations(companyId: string, ids: string[]): Promise<{ revoked: number }> {
  return apiRequest(`${companyPath(companyId)}/invitations/revoke`, { method: "POST", body: { ids } });
}

export function setHostPinsOnAllPersonalRooms(companyId: string): Promise<{ set: number }> {
  return apiRequest(`${companyPath(companyId)}/personal-rooms/host-pins`, { method: "POST" });
}

export function checkAddressAvailability(
  companyId: string,
  address: string,
  signal?: AbortSignal,
): Promise<AddressAvailability> {
  const query = new URLSearchParams({ address });
  return apiRequest(`${companyPath(companyId)}/video-addresses/availability?${query}`, { signal });
}

const csvFile = (file: Blob) => ({ data: file, type: "text/csv" });

/** Reads an uploaded bulk invite file: every row with its problems. Nothing is written. */
export function previewBulkInvite(companyId: string, file: Blob): Promise<BulkInvitePreview> {
  return apiRequest(`${companyPath(companyId)}/invitations/bulk/preview`, {
    method: "POST",
    file: csvFile(file),
  });
}

/** The file's rows with problems, as a CSV to fix and upload again. */
export function downloadBulkInviteProblems(companyId: string, file: Blob): Promise<Blob> {
  return apiDownload(`${companyPath(companyId)}/invitations/bulk/problems.csv`, {
    method: "POST",
    file: csvFile(file),
  });
}

export interface BulkInviteResult {
  invited: number;
  skipped: number;
  licences: Licences;
}

/** Invites the file's valid rows; `expected` is the count the admin confirmed (409 if it changed). */
export function bulkInvite(companyId: string, file: Blob, expected: number): Promise<BulkInviteResult> {
  return apiRequest(`${companyPath(companyId)}/invitations/bulk?expect=${expected}`, {
    method: "POST",
    file: csvFile(file),
  });
}
