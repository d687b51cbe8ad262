import { Text } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import type { PendingInvitation } from "../../../api/types";
import { ConfirmModal } from "../../../components/ConfirmModal";
import { ErrorAlert } from "../../../components/ErrorAlert";
import { plural } from "../../../lib/format";
import { useRevokeInvitations } from "../queries";
import { PeopleList } from "./PeopleList";

interface RevokeInvitationsModalProps {
  companyId: string;
  invitations: PendingInvitation[];
  opened: boolean;
  onClose: () => void;
  onRevoked: () => void;
}

export function RevokeInvitationsModal({
  companyId,
  invitations,
  opened,
  onClose,
  onRevoked,
}: RevokeInvitationsModalProps) {
  const revoke = useRevokeInvitations(companyId);
  const close = () => {
    revoke.reset();
    onClose();
  };
  const confirm = () =>
    revoke.mutate(
      invitations.map((item) => item.memberId),
      {
        onSuccess: ({ revoked }) => {
          notifications.show({
            color: "green",
            title: "Invitations revoked",
            message: `${plural(revoked, "invitation")} revoked. The licences are free again.`,
          });
          revoke.reset();
          onRevoked();
        },
      },
    );
  const count = plural(invitations.length, "invitation");
  return (
    <ConfirmModal
      opened={opened}
      title={`Revoke ${count}?`}
      confirmLabel={`Revoke ${count}`}
      onConfirm={confirm}
      onCancel={close}
      loading={revoke.isPending}
    >
      <Text size="sm">These people's invitations will be revoked:</Text>
      <PeopleList
        label="Invitations to revoke"
        people={invitations.map((item) => ({ name: item.fullName, detail: item.email }))}
      />
      <Text size="sm" mb="sm">
        Their invitation links stop working, their personal VMRs and video addresses are removed and their
        licences are freed.
      </Text>
      <ErrorAlert title="Nothing was revoked" message={revoke.error?.message ?? null} />
    </ConfirmModal>
  );
}
