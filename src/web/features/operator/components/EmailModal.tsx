import { Alert, Box, Group, Modal, SimpleGrid, Stack, Text } from "@mantine/core";
import type { ReactNode } from "react";
import { formatDateTime } from "../../../lib/formatDate";
import type { OutboxEmail } from "../api";
import { LinkifiedText } from "./LinkifiedText";
import { OutboxStatusBadge } from "./OutboxStatusBadge";

interface EmailModalProps {
  email: OutboxEmail | null;
  onClose: () => void;
}

export function EmailModal({ email, onClose }: EmailModalProps) {
  return (
    <Modal
      opened={email !== null}
      onClose={onClose}
      title={email?.subject ?? ""}
      size="lg"
      closeButtonProps={{ "aria-label": "Close" }}
      styles={{ title: { fontWeight: 600 } }}
    >
      {email && (
        <Stack gap="md">
          <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="xs">
            <Meta label="To" value={email.to} />
            <Meta label="Status" value={<OutboxStatusBadge status={email.status} />} />
            <Meta label="Created" value={formatDateTime(email.createdAt)} />
            <Meta label="Sent" value={formatDateTime(email.sentAt)} />
            <Meta label="Attempts" value={String(email.attempts)} />
          </SimpleGrid>
          {email.lastError && (
            <Alert color="red" variant="light" title="Last delivery error">
              {email.lastError}
            </Alert>
          )}
          <Box
            component="pre"
            p="md"
            m={0}
            bg="var(--mantine-color-gray-0)"
            style={{
              whiteSpace: "pre-wrap",
              overflowWrap: "anywhere",
              fontFamily: "var(--mantine-font-family-monospace)",
              fontSize: "var(--mantine-font-size-sm)",
              borderRadius: "var(--mantine-radius-sm)",
            }}
          >
            <LinkifiedText text={email.text} />
          </Box>
        </Stack>
      )}
    </Modal>
  );
}

function Meta({ label, value }: { label: string; value: ReactNode }) {
  return (
    <Group gap="xs" wrap="nowrap" align="baseline">
      <Text size="sm" c="dimmed" w={70} style={{ flexShrink: 0 }}>
        {label}
      </Text>
      <Text size="sm" component="div" style={{ overflowWrap: "anywhere" }}>
        {value}
      </Text>
    </Group>
  );
}
