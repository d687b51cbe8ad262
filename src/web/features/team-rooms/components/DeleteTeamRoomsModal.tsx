import type { TeamRoomSummary } from "../../../api/types";
import { DeleteSelectedModal } from "../../../components/DeleteSelectedModal";
import { useDeleteTeamRooms } from "../queries";

interface DeleteTeamRoomsModalProps {
  companyId: string;
  rooms: TeamRoomSummary[];
  opened: boolean;
  onClose: () => void;
  onDeleted: () => void;
}

/** Asks before deleting the ticked rooms, naming them; a refusal from the server stays in view. */
export function DeleteTeamRoomsModal({ companyId, rooms, ...modal }: DeleteTeamRoomsModalProps) {
  return (
    <DeleteSelectedModal
      {...modal}
      noun={["team room", "team rooms"]}
      items={rooms.map((room) => ({ id: room.id, name: room.name, detail: room.videoAddress }))}
      consequence="Their video addresses stop working and their licences are freed."
      afterwards="Their licences are free again."
      remove={useDeleteTeamRooms(companyId)}
    />
  );
}
