import { Button, Paper, Stack, Text } from "@mantine/core";
import { Link, useParams } from "react-router";
import { isApiError } from "../../../api/client";
import { ErrorAlert } from "../../../components/ErrorAlert";
import { PageLoader } from "../../../components/PageLoader";
import { PublicPage } from "../../../components/PublicPage";
import { usePageTitle } from "../../../lib/usePageTitle";
import { useMe } from "../../auth/queries";
import { JoinForm } from "../components/JoinForm";
import { useConnectInfo, useConnectRooms } from "../queries";

/**
 * /connect/:token — what a phone opens after scanning a video system's QR code (public, outside
 * the signed-in layout, mobile-first). Signed-out visitors see which system it is and sign in.
 */
export function MeetingConnectPage() {
  const { token = "" } = useParams();
  const info = useConnectInfo(token);
  const me = useMe();
  const signedIn = Boolean(me.data);
  const rooms = useConnectRooms(token, signedIn && info.isSuccess);
  usePageTitle(info.data ? `Join from ${info.data.videoSystem.name}` : "MeetingConnect");

  if (info.isPending || me.isPending) return <PageLoader label="Loading the video system" />;
  if (info.error) {
    const gone = isApiError(info.error, 404);
    return (
      <PublicPage title={gone ? "This QR code does not work" : "MeetingConnect is not available"}>
        <ErrorAlert message={info.error.message} />
      </PublicPage>
    );
  }
  const data = info.data;
  return (
    <PublicPage title="Join a meeting from this video system">
      <Paper
        withBorder
        radius="md"
        p="sm"
        bg="var(--mantine-color-gray-0)"
        component="section"
        aria-label="Video system"
      >
        <Text fw={700} fz="lg">
          {data.videoSystem.name}
        </Text>
        <Text size="sm" style={{ overflowWrap: "anywhere" }}>
          {data.videoSystem.videoAddress}
        </Text>
        <Text size="sm" c="dimmed">
          {data.company.name}
        </Text>
      </Paper>
      {!signedIn ? (
        <Stack gap="sm">
          <Text>Sign in with your {data.company.name} account to choose a meeting.</Text>
          <Button
            component={Link}
            to={`/sign-in?next=${encodeURIComponent(`/connect/${token}`)}`}
            size="lg"
            fullWidth
          >
            Sign in to join
          </Button>
        </Stack>
      ) : rooms.isPending ? (
        <PageLoader label="Loading your meeting rooms" />
      ) : rooms.error ? (
        <ErrorAlert message={rooms.error.message} />
      ) : (
        <JoinForm token={token} info={data} rooms={rooms.data.items} />
      )}
    </PublicPage>
  );
}
