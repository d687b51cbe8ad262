import { Badge } from "@mantine/core";
import type { MemberRole, MemberStatus } from "../../../api/types";

export const MEMBER_STATUS_LABELS: Record<MemberStatus, string> = {
  active: "Active",
  invited: "Invited",
  suspended: "Suspended",
};

const STATUS_COLORS: Record<MemberStatus, string> = { active: "green", invited: "yellow", suspended: "red" };

export const ROLE_LABELS: Record<MemberRole, string> = { admin: "Admin", member: "Member" };

export function MemberStatusBadge({ status }: { status: MemberStatus }) {
  return (
    <Badge color={STATUS_COLORS[status] ?? "gray"} variant="light">
      {MEMBER_STATUS_LABELS[status] ?? status}
    </Badge>
  );
}
