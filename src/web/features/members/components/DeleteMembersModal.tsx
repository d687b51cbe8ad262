import type { MemberSummary } from "../../../api/types";
import { DeleteSelectedModal } from "../../../components/DeleteSelectedModal";
import { useDeleteMembers } from "../queries";

interface DeleteMembersModalProps {
  companyId: string;
  members: MemberSummary[];
  opened: boolean;
  onClose: () => void;
  onDeleted: () => void;
}

/** Asks before deleting the ticked members; the server's refusals (yourself, last admin) stay in view. */
export function DeleteMembersModal({ companyId, members, ...modal }: DeleteMembersModalProps) {
  return (
    <DeleteSelectedModal
      {...modal}
      noun={["member", "members"]}
      items={members.map((member) => ({ id: member.id, name: member.fullName, detail: member.email }))}
      consequence="Their personal VMRs and video addresses are removed and their licences are freed."
      afterwards="Their licences are free again."
      remove={useDeleteMembers(companyId)}
    />
  );
}
