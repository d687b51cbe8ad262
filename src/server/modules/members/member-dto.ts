import type { AccountRow } from "../auth/accounts.repository.js";
import type { InvitationInfo } from "../invitations/invitations.repository.js";
import type { PersonalRoomRow } from "../rooms/personal-rooms.repository.js";
import type { MemberListRow } from "./members.repository.js";

/**
 * Members leave only through these mappers: never a password hash or an invitation token. PINs
 * appear only in the full Member, which only the company's admins see.
 */
export interface MemberSummaryDto {
  id: string;
  fullName: string;
  email: string;
  videoAddress: string;
  role: "admin" | "member";
  status: "active" | "invited" | "suspended";
  personalRoomAddress: string | null;
  createdAt: string;
}

export interface MemberDto extends MemberSummaryDto {
  personalRoom: {
    id: string;
    name: string;
    address: string;
    hostPin: string | null;
    guestPin: string | null;
  } | null;
  invitation: { invitedAt: string; invitedBy: string | null; expiresAt: string } | null;
}

export interface PendingInvitationDto {
  memberId: string;
  fullName: string;
  email: string;
  videoAddress: string;
  invitedAt: string;
  invitedBy: string | null;
  expiresAt: string;
  expired: boolean;
}

export function toMemberSummary(row: MemberListRow): MemberSummaryDto {
  return {
    id: row.id,
    fullName: row.fullName,
    email: row.email,
    videoAddress: row.videoAddress ?? "",
    role: row.role ?? "member",
    status: row.status,
    personalRoomAddress: row.personalRoomAddress,
    createdAt: row.createdAt.toISOString(),
  };
}

export function toMember(
  account: AccountRow,
  room: PersonalRoomRow | null,
  invitation: InvitationInfo | undefined,
): MemberDto {
  return {
    ...toMemberSummary({ ...account, personalRoomAddress: room?.address ?? null }),
    personalRoom: room
      ? {
          id: room.id,
          name: room.name,
          address: room.address,
          hostPin: room.hostPin,
          guestPin: room.guestPin,
        }
      : null,
    invitation:
      account.status === "invited" && invitation
        ? {
            invitedAt: invitation.invitedAt.toISOString(),
            invitedBy: invitation.invitedBy,
            expiresAt: invitation.expiresAt.toISOString(),
          }
        : null,
  };
}

export function toPendingInvitation(
  row: MemberListRow,
  invitation: InvitationInfo | undefined,
  now: Date,
): PendingInvitationDto {
  const invitedAt = invitation?.invitedAt ?? row.createdAt;
  const expiresAt = invitation?.expiresAt ?? row.createdAt;
  return {
    memberId: row.id,
    fullName: row.fullName,
    email: row.email,
    videoAddress: row.videoAddress ?? "",
    invitedAt: invitedAt.toISOString(),
    invitedBy: invitation?.invitedBy ?? null,
    expiresAt: expiresAt.toISOString(),
    expired: expiresAt.getTime() <= now.getTime(),
  };
}
