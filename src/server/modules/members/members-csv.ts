import { safeCsv } from "../../lib/csv.js";
import type { MemberSummaryDto } from "./member-dto.js";

export const MEMBERS_CSV_HEADER = ["Full name", "Email", "Video address", "Role", "Status", "Personal VMR"];

const ROLE_LABELS = { admin: "Admin", member: "Member" } as const;
const STATUS_LABELS = { active: "Active", invited: "Invited", suspended: "Suspended" } as const;

/**
 * The Members tab as a spreadsheet: semicolons, every cell passed through `csvSafeCell` (a name
 * like `=cmd()` is written as text, never as a formula).
 */
export function membersCsv(members: readonly MemberSummaryDto[]): string {
  return safeCsv(
    MEMBERS_CSV_HEADER,
    members.map((m) => [
      m.fullName,
      m.email,
      m.videoAddress,
      ROLE_LABELS[m.role],
      STATUS_LABELS[m.status],
      m.personalRoomAddress ?? "",
    ]),
  );
}
