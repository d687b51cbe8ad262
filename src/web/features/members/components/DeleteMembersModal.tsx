import { Text } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import type { MemberSummary } from "../../../api/types";
import { ConfirmModal } from "../../../components/ConfirmModal";
import { ErrorAlert } from "../../../components/ErrorAlert";
import { plural } from "../../../lib/format";
import { useDeleteMembers } from "../queries";
import { PeopleList } from "./PeopleList";

interface DeleteMembersModalProps {
  companyId: string;
  members: MemberSummary[];
  opened: boolean;
  onClose: () => void;
  onDeleted: () => void;
}

/** Asks before deleting the ticked members; the server's refusals (yourself, last admin) stay in view. */
export function DeleteMembersModal({
  companyId,
  members,
  opened,
  onClose,
  onDeleted,
}: DeleteMembersModalProps) {
  const remove = useDeleteMembers(companyId);
  const close = () => {
    remove.reset();
    onClose();
  };
  const confirm = () =>
    remove.mutate(
      members.map((member) => member.id),
      {
        onSuccess: ({ deleted }) => {
          notifications.show({
            color: "green",
            title: "Members deleted",
            message: `${plural(deleted, "member")} deleted. Their licences are free again.`,
          });
          remove.reset();
          onDeleted();
        },
      },
    );
  const count = plural(members.length, "member");
  return (
    <ConfirmModal
      opened={opened}
      title={`Delete ${count}?`}
      confirmLabel={`Delete ${count}`}
      onConfirm={confirm}
      onCancel={close}
      loading={remove.isPending}
    >
      <Text size="sm">These people will be deleted:</Text>
      <PeopleList
        label="Members to delete"
        people={members.map((member) => ({ name: member.fullName, detail: member.email }))}
      />
      <Text size="sm" mb="sm">
        Their personal VMRs and video addresses are removed and their licences are freed. This cannot be
        undone.
      </Text>
      <ErrorAlert title="Nothing was deleted" message={remove.error?.message ?? null} />
    </ConfirmModal>
  );
}
