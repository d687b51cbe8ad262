import { Box, Button, CopyButton, Group, Modal, Stack, Table, Text, Title } from "@mantine/core";
import { formatDateTime } from "../../../lib/formatDate";
import type { PolicyRequestEntry } from "../api";
import { formatDuration, queryParams } from "../policyRequestView";

const PRE_STYLE = {
  whiteSpace: "pre-wrap",
  overflowWrap: "anywhere",
  fontFamily: "var(--mantine-font-family-monospace)",
  fontSize: "var(--mantine-font-size-sm)",
  borderRadius: "var(--mantine-radius-sm)",
} as const;

/** One policy request in full: its query parameters, decoded, and Confero's answer as JSON. */
export function PolicyRequestModal({
  entry,
  onClose,
}: {
  entry: PolicyRequestEntry | null;
  onClose: () => void;
}) {
  const answer = entry ? JSON.stringify(entry.answer, null, 2) : "";
  return (
    <Modal
      opened={entry !== null}
      onClose={onClose}
      title={entry ? `GET ${entry.path}` : ""}
      size="xl"
      closeButtonProps={{ "aria-label": "Close" }}
      styles={{ title: { fontWeight: 600, overflowWrap: "anywhere" } }}
    >
      {entry && (
        <Stack gap="md">
          <Text size="sm" c="dimmed">
            {formatDateTime(entry.at)} · status {entry.status} · {formatDuration(entry.durationMs)} ms
          </Text>
          <Title order={3} size="h5">
            Query
          </Title>
          {entry.query === "" ? (
            <Text size="sm">No query parameters.</Text>
          ) : (
            <Table.ScrollContainer minWidth={400}>
              <Table withTableBorder verticalSpacing={4} captionSide="top">
                <Table.Caption>The request's query parameters, decoded</Table.Caption>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>Parameter</Table.Th>
                    <Table.Th>Value</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {queryParams(entry).map(([key, value], index) => (
                    // Keys may repeat; their order is Infinity's.
                    // biome-ignore lint/suspicious/noArrayIndexKey: the list never reorders.
                    <Table.Tr key={index}>
                      <Table.Td ff="monospace">{key}</Table.Td>
                      <Table.Td ff="monospace" style={{ overflowWrap: "anywhere" }}>
                        {value === "" ? (
                          <Text span c="dimmed" size="sm">
                            (empty)
                          </Text>
                        ) : (
                          value
                        )}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
          <Group justify="space-between">
            <Title order={3} size="h5">
              Answer
            </Title>
            <CopyButton value={answer}>
              {({ copied, copy }) => (
                <Button size="xs" variant="light" onClick={copy}>
                  {copied ? "Copied" : "Copy answer"}
                </Button>
              )}
            </CopyButton>
          </Group>
          <Box
            component="pre"
            aria-label="Answer JSON"
            tabIndex={0}
            p="md"
            m={0}
            bg="var(--mantine-color-gray-0)"
            style={PRE_STYLE}
          >
            {entry.answer === null ? "(no body recorded)" : answer}
          </Box>
          <Title order={3} size="h5">
            Raw query string
          </Title>
          <Box
            component="pre"
            aria-label="Raw query string"
            tabIndex={0}
            p="md"
            m={0}
            bg="var(--mantine-color-gray-0)"
            style={PRE_STYLE}
          >
            {entry.query || "(none)"}
          </Box>
        </Stack>
      )}
    </Modal>
  );
}
