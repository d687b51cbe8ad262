import { Button, Code, Paper, SimpleGrid, Stack, Table, Text } from "@mantine/core";
import { ErrorAlert } from "../../../components/ErrorAlert";
import { ListEmptyState } from "../../../components/ListEmptyState";
import { PageHeader } from "../../../components/PageHeader";
import { PageLoader } from "../../../components/PageLoader";
import { useEventSinkStatus, useInfinitySettings } from "../queries";

const TIME = new Intl.DateTimeFormat(undefined, { dateStyle: "short", timeStyle: "medium" });

const COUNTERS = [
  ["accepted", "Accepted", "Events applied to call records."],
  ["duplicates", "Replays dropped", "Events received again (Infinity retries); counted once."],
  ["ignored", "Ignored", "Events Confero has no use for, such as media-stream windows."],
  ["rejected", "Rejected", "Events with missing fields, wrong types or absurd times; listed below."],
  ["swept", "Closed by the sweep", "Calls whose disconnect never came (a node went down)."],
] as const;

/** Service operations › Pexip Infinity › Event sink: what Infinity sent and what became of it. */
export function EventSinkPage() {
  const status = useEventSinkStatus();
  const settings = useInfinitySettings();
  const data = status.data;
  return (
    <Stack gap="lg">
      <PageHeader
        title="Event sink"
        description="Call events from Pexip Infinity's Conferencing Nodes, the source of company usage."
        actions={
          <Button
            variant="default"
            onClick={() => status.refetch()}
            loading={status.isFetching && !status.isPending}
          >
            Refresh
          </Button>
        }
      />
      {status.isPending && <PageLoader label="Loading the event sink's status" />}
      {status.error && (
        <ErrorAlert title="Could not load the event sink's status" message={status.error.message} />
      )}
      {data && (
        <>
          <SimpleGrid cols={{ base: 2, md: 5 }} role="list" aria-label="Event counters">
            {COUNTERS.map(([key, label, help]) => (
              <Paper key={key} withBorder radius="md" p="md" role="listitem" aria-label={label}>
                <Text size="sm" fw={600}>
                  {label}
                </Text>
                <Text fz="xl" fw={700}>
                  {data.counters[key].toLocaleString()}
                </Text>
                <Text size="xs" c="dimmed">
                  {help}
                </Text>
              </Paper>
            ))}
          </SimpleGrid>
          <Text size="sm" role="status">
            {data.lastReceivedAt
              ? `Last event received ${TIME.format(new Date(data.lastReceivedAt))}; ${data.pending.toLocaleString()} waiting to be applied.`
              : `No events received yet. Point each Conferencing Node's event sink at ${settings.data?.summary.eventSinkUrl ?? "/events/v1/pexip"}.`}
          </Text>
          {data.rejected.length === 0 ? (
            <ListEmptyState
              title="No rejected events"
              description="Every event received so far had a shape Confero understands."
            />
          ) : (
            <Table.ScrollContainer minWidth={800}>
              <Table captionSide="top" verticalSpacing="xs">
                <Table.Caption>The latest rejected events, newest first, with the reason.</Table.Caption>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>Received</Table.Th>
                    <Table.Th>Node</Table.Th>
                    <Table.Th>Event</Table.Th>
                    <Table.Th>Reason</Table.Th>
                    <Table.Th>Event as received</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {data.rejected.map((row) => (
                    <Table.Tr key={`${row.receivedAt}-${row.sample}`}>
                      <Table.Td style={{ whiteSpace: "nowrap" }}>
                        {TIME.format(new Date(row.receivedAt))}
                      </Table.Td>
                      <Table.Td>{row.node ?? "—"}</Table.Td>
                      <Table.Td>{row.event ?? "—"}</Table.Td>
                      <Table.Td>{row.reason}</Table.Td>
                      <Table.Td>
                        <Code block style={{ maxWidth: 420, maxHeight: 120, overflow: "auto" }}>
                          {row.sample}
                        </Code>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
        </>
      )}
    </Stack>
  );
}
