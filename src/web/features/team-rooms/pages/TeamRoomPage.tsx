import { Button, Stack } from "@mantine/core";
import { Link, useParams } from "react-router";
import { isApiError } from "../../../api/client";
import { ErrorAlert } from "../../../components/ErrorAlert";
import { PageHeader } from "../../../components/PageHeader";
import { PageLoader } from "../../../components/PageLoader";
import { usePageTitle } from "../../../lib/usePageTitle";
import { useScopedCompany } from "../../company/components/CompanyScope";
import { TeamRoomOwners } from "../components/TeamRoomOwners";
import { TeamRoomSettingsForm } from "../components/TeamRoomSettingsForm";
import { useTeamRoom } from "../queries";

/** /companies/:companyId/admin/team-rooms/:roomId — one team room's settings and owners. */
export function TeamRoomPage() {
  const company = useScopedCompany();
  const { roomId = "" } = useParams();
  const room = useTeamRoom(company.id, roomId);
  const roomsPath = `/companies/${company.id}/admin/team-rooms`;

  if (room.isPending) return <PageLoader label="Loading the team room" />;
  if (room.error) return <RoomUnavailable error={room.error} roomsPath={roomsPath} />;
  const data = room.data;
  return (
    <Stack gap="lg">
      <PageHeader
        title={data.name}
        crumbs={[
          { label: "Company administration", to: `/companies/${company.id}/admin` },
          { label: "Team rooms", to: roomsPath },
        ]}
        description={data.videoAddress}
      />
      {/* Remounted when the room changes, so the forms never show another room's values. */}
      <TeamRoomSettingsForm key={`settings-${data.id}`} company={company} room={data} />
      <TeamRoomOwners key={`owners-${data.id}`} companyId={company.id} room={data} />
    </Stack>
  );
}

function RoomUnavailable({ error, roomsPath }: { error: Error; roomsPath: string }) {
  usePageTitle("Team room");
  const notFound = isApiError(error, 404);
  return (
    <Stack gap="md" align="flex-start">
      <ErrorAlert
        title={notFound ? "Team room not found" : "Could not load the team room"}
        message={notFound ? "This team room does not exist, or was deleted." : error.message}
      />
      <Button component={Link} to={roomsPath} variant="light">
        Back to team rooms
      </Button>
    </Stack>
  );
}
