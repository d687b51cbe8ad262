import { Alert, Button, Code, CopyButton, Radio, Stack, Text, TextInput } from "@mantine/core";
import { useState } from "react";
import type { MeetingConnectInfo, MeetingConnectRoom } from "../../../api/types";
import { ErrorAlert } from "../../../components/ErrorAlert";
import { useDialIn } from "../queries";

const TYPED = "typed";

/**
 * Pick a room — your own VMR, a team room — or type an address, then "Join from this video
 * system". Confero asks the call platform to dial the system in; without that connection the
 * form shows the address to dial from the system's own touch panel or remote instead.
 */
export function JoinForm({
  token,
  info,
  rooms,
}: {
  token: string;
  info: MeetingConnectInfo;
  rooms: MeetingConnectRoom[];
}) {
  const [choice, setChoice] = useState(rooms[0]?.address ?? TYPED);
  const [typed, setTyped] = useState("");
  const [shown, setShown] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const dial = useDialIn(token);
  const address = (choice === TYPED ? typed : choice).trim();

  const join = () => {
    if (!address) {
      setProblem("Choose a room or enter a video address.");
      return;
    }
    setProblem(null);
    if (info.dialsFromConfero) dial.mutate(address);
    else setShown(address);
  };

  return (
    <Stack gap="md">
      <Radio.Group label="Join which meeting?" value={choice} onChange={setChoice}>
        <Stack gap="xs" mt="xs">
          {rooms.map((room) => (
            <Radio
              key={room.address}
              value={room.address}
              label={room.kind === "personal" ? `My meeting room (${room.name})` : room.name}
              description={`${room.address}${room.role === "chair" ? " · you host" : ""}`}
            />
          ))}
          <Radio value={TYPED} label="Another video address" />
        </Stack>
      </Radio.Group>
      {choice === TYPED && (
        <TextInput
          label="Video address"
          placeholder="meeting@example.com"
          value={typed}
          onChange={(event) => setTyped(event.currentTarget.value)}
          error={problem ?? undefined}
          inputMode="email"
          autoCapitalize="none"
        />
      )}
      <Button size="lg" fullWidth onClick={join} loading={dial.isPending}>
        Join from this video system
      </Button>
      {dial.isSuccess && (
        <Alert color="green" variant="light" title="Calling the video system" role="status">
          {info.videoSystem.name} is joining {dial.data.conferenceAlias}
          {dial.data.role === "chair" ? " as host" : ""}. It answers by itself in a moment.
        </Alert>
      )}
      {dial.error && <ErrorAlert title="The video system could not be called" message={dial.error.message} />}
      {shown && (
        <Alert color="blue" variant="light" title="Dial from the video system" role="status">
          <Stack gap="xs">
            <Text size="sm">On {info.videoSystem.name}'s touch panel or remote, call this address:</Text>
            <Code fz="lg" style={{ overflowWrap: "anywhere" }}>
              {shown}
            </Code>
            <CopyButton value={shown}>
              {({ copied, copy }) => (
                <Button size="xs" variant="light" onClick={copy}>
                  {copied ? "Copied" : "Copy address"}
                </Button>
              )}
            </CopyButton>
          </Stack>
        </Alert>
      )}
    </Stack>
  );
}
