import { Text } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import type { TeamRoomSummary } from "../../../api/types";
import { ConfirmModal } from "../../../components/ConfirmModal";
import { ErrorAlert } from "../../../components/ErrorAlert";
import { plural } from "../../../lib/format";
import { PeopleList } from "../../members/components/PeopleList";
import { useDeleteTeamRooms } from "../queries";

interface DeleteTeamRoomsModalProps {
  companyId: string;
  rooms: TeamRoomSummary[];
  opened: boolean;
  onClose: () => void;
  onDeleted: () => void;
}

/** Asks before deleting the ticked rooms, naming them; a refusal from the server stays in view. */
export function DeleteTeamRoomsModal({
  companyId,
  rooms,
  opened,
  onClose,
  onDeleted,
}: DeleteTeamRoomsModalProps) {
  const remove = useDeleteTeamRooms(companyId);
  const close = () => {
    remove.reset();
    onClose();
  };
  const confirm = () =>
    remove.mutate(
      rooms.map((room) => room.id),
      {
        onSuccess: ({ deleted }) => {
          notifications.show({
            color: "green",
            title: "Team rooms deleted",
            message: `${plural(deleted, "team room")} deleted. Their licences are free again.`,
          });
          remove.reset();
          onDeleted();
        },
      },
    );
  const count = plural(rooms.length, "team room");
  return (
    <ConfirmModal
      opened={opened}
      title={`Delete ${count}?`}
      confirmLabel={`Delete ${count}`}
      onConfirm={confirm}
      onCancel={close}
      loading={remove.isPending}
    >
      <Text size="sm">These team rooms will be deleted:</Text>
      <PeopleList
        label="Team rooms to delete"
        people={rooms.map((room) => ({ name: room.name, detail: room.videoAddress }))}
      />
      <Text size="sm" mb="sm">
        Their video addresses stop working and their licences are freed. This cannot be undone.
      </Text>
      <ErrorAlert title="Nothing was deleted" message={remove.error?.message ?? null} />
    </ConfirmModal>
  );
}
