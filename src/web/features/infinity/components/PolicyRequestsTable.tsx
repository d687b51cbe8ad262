import { Code, Table, Text, UnstyledButton } from "@mantine/core";
import type { PolicyRequestEntry } from "../api";
import { aliasOf, answerSummary, formatDuration, requestName } from "../policyRequestView";

const TIME = new Intl.DateTimeFormat(undefined, { dateStyle: "short", timeStyle: "medium" });

interface PolicyRequestsTableProps {
  entries: PolicyRequestEntry[];
  onOpen: (entry: PolicyRequestEntry) => void;
}

/** Newest first; the time in each row is the button that opens the request's details. */
export function PolicyRequestsTable({ entries, onOpen }: PolicyRequestsTableProps) {
  return (
    <Table.ScrollContainer minWidth={800}>
      <Table highlightOnHover verticalSpacing="xs" captionSide="top">
        <Table.Caption>
          Policy requests this instance answered, newest first. Open a time for the full request and answer.
        </Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Time</Table.Th>
            <Table.Th>Request</Table.Th>
            <Table.Th>Alias</Table.Th>
            <Table.Th>Answer</Table.Th>
            <Table.Th ta="right">Status</Table.Th>
            <Table.Th ta="right">ms</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {entries.map((entry) => (
            <Table.Tr key={entry.id} className="linked-row">
              <Table.Td style={{ whiteSpace: "nowrap" }}>
                <UnstyledButton
                  className="row-link"
                  onClick={() => onOpen(entry)}
                  fz="sm"
                  c="blue.7"
                  fw={500}
                  aria-label={`${TIME.format(new Date(entry.at))}: details of ${requestName(entry)}`}
                >
                  {TIME.format(new Date(entry.at))}
                </UnstyledButton>
              </Table.Td>
              <Table.Td>
                <Code>{requestName(entry)}</Code>
              </Table.Td>
              <Table.Td style={{ overflowWrap: "anywhere" }}>
                <Text size="sm">{aliasOf(entry) || "—"}</Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{answerSummary(entry)}</Text>
              </Table.Td>
              <Table.Td ta="right">{entry.status}</Table.Td>
              <Table.Td ta="right">{formatDuration(entry.durationMs)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
