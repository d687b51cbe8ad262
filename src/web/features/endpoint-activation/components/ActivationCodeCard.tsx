import { Alert, Button, Code, CopyButton, Group, Stack, Text } from "@mantine/core";
import { useState } from "react";
import type { EndpointActivationCode, EndpointActivationStatus } from "../../../api/types";
import { ConfirmModal } from "../../../components/ConfirmModal";
import { ErrorAlert } from "../../../components/ErrorAlert";
import { SectionCard } from "../../../components/SectionCard";
import { formatDateTime } from "../../../lib/formatDate";
import { useIssueActivationCode } from "../queries";

/**
 * "Get activation code": the code is shown here once (only its hash is stored), with its expiry
 * and a copy button. A code that is still waiting is replaced only after a confirmation.
 */
export function ActivationCodeCard({
  companyId,
  activation,
}: {
  companyId: string;
  activation: EndpointActivationStatus;
}) {
  const issue = useIssueActivationCode(companyId, activation.videoSystem.id);
  const [issued, setIssued] = useState<EndpointActivationCode | null>(null);
  const [confirming, setConfirming] = useState(false);
  const waiting = activation.code && !issued;

  const getCode = () =>
    issue.mutate(undefined, {
      onSuccess: (code) => {
        setIssued(code);
        setConfirming(false);
      },
      onError: () => setConfirming(false),
    });

  return (
    <SectionCard
      title="Activation code"
      description="A one-time code, valid for 30 days. Getting a new code makes earlier ones stop working."
    >
      <Stack gap="sm" align="flex-start">
        {issued && (
          <Alert color="green" variant="light" title="Your activation code" w="100%">
            <Stack gap="xs">
              <Group gap="sm">
                <Code fz="xl" fw={700} aria-label="Activation code" data-testid="activation-code">
                  {issued.code}
                </Code>
                <CopyButton value={issued.code}>
                  {({ copied, copy }) => (
                    <Button size="xs" variant="light" onClick={copy}>
                      {copied ? "Copied" : "Copy code"}
                    </Button>
                  )}
                </CopyButton>
              </Group>
              <Text size="sm">Valid until {formatDateTime(issued.expiresAt)}. It works once.</Text>
              <Text size="sm">
                Confero keeps no readable copy: note it now. If it is lost, get a new one.
              </Text>
            </Stack>
          </Alert>
        )}
        {waiting && (
          <Text size="sm">
            A code issued earlier is waiting to be used (valid until{" "}
            {formatDateTime(activation.code?.expiresAt ?? null)}).
          </Text>
        )}
        <ErrorAlert message={issue.error?.message ?? null} />
        <Button onClick={() => (activation.code ? setConfirming(true) : getCode())} loading={issue.isPending}>
          {activation.code || issued ? "Get a new activation code" : "Get activation code"}
        </Button>
      </Stack>
      <ConfirmModal
        opened={confirming}
        title="Get a new activation code?"
        confirmLabel="Get a new code"
        onConfirm={getCode}
        onCancel={() => setConfirming(false)}
        loading={issue.isPending}
      >
        The code issued earlier for {activation.videoSystem.name} stops working.
      </ConfirmModal>
    </SectionCard>
  );
}
