import { Code, List, Stack, Text } from "@mantine/core";
import type { EndpointActivationStatus } from "../../../api/types";
import { SectionCard } from "../../../components/SectionCard";

/** Numbered steps for whoever sets up the video system, and the settings it will receive. */
export function ActivationInstructions({ activation }: { activation: EndpointActivationStatus }) {
  const endpoint = `${window.location.origin}/api/v1/endpoint-activations`;
  const received = JSON.stringify(
    {
      sipUsername: activation.videoSystem.videoAddress,
      sipPassword: "(a new, generated password)",
      registrar: activation.registrar,
      displayName: activation.videoSystem.name,
    },
    null,
    2,
  );
  return (
    <>
      <SectionCard title="Step by step">
        <List type="ordered" spacing="sm">
          <List.Item>Select “Get activation code” above and note the code.</List.Item>
          <List.Item>
            On the video system (or in your activation tool), open its provisioning or activation settings and
            choose to activate with a code.
          </List.Item>
          <List.Item>
            Enter the code. The video system sends it to Confero: <Code>POST {endpoint}</Code> with the body{" "}
            <Code>{'{"code": "ABCD-EFGH-JKMN"}'}</Code>.
          </List.Item>
          <List.Item>
            The video system receives its SIP settings (below), applies them and registers with{" "}
            <Code>{activation.registrar || "the registrar"}</Code>. This page then shows it as Activated, and
            Registered once it has signed in to the call platform.
          </List.Item>
          <List.Item>
            To activate it again (a replaced or reset system), get a new code: it is given a new password.
          </List.Item>
        </List>
      </SectionCard>
      <SectionCard
        title="What the video system receives"
        description="The provisioning settings, as JSON, in answer to its activation request."
      >
        <Stack gap="xs">
          <Code block aria-label="Provisioning settings">
            {received}
          </Code>
          <Text size="sm" c="dimmed">
            The password is only ever sent to the video system (and to the call platform when it registers);
            Confero stores it encrypted.
          </Text>
        </Stack>
      </SectionCard>
    </>
  );
}
