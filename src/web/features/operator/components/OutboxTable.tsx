import { Table, Text, UnstyledButton } from "@mantine/core";
import { formatDateTime } from "../../../lib/formatDate";
import type { OutboxEmail } from "../api";
import { OutboxStatusBadge } from "./OutboxStatusBadge";

interface OutboxTableProps {
  emails: OutboxEmail[];
  onOpen: (email: OutboxEmail) => void;
}

export function OutboxTable({ emails, onOpen }: OutboxTableProps) {
  return (
    <Table.ScrollContainer minWidth={720}>
      <Table highlightOnHover verticalSpacing="sm">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>To</Table.Th>
            <Table.Th>Subject</Table.Th>
            <Table.Th>Status</Table.Th>
            <Table.Th ta="right">Attempts</Table.Th>
            <Table.Th>Created</Table.Th>
            <Table.Th>Sent</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {emails.map((email) => (
            // The whole row opens the email for mouse users; the subject is the keyboard-reachable button.
            <Table.Tr key={email.id} onClick={() => onOpen(email)} style={{ cursor: "pointer" }}>
              <Table.Td style={{ overflowWrap: "anywhere" }}>{email.to}</Table.Td>
              <Table.Td>
                <UnstyledButton
                  onClick={(event) => {
                    event.stopPropagation();
                    onOpen(email);
                  }}
                  fz="sm"
                  c="blue.7"
                  fw={500}
                >
                  {email.subject}
                </UnstyledButton>
              </Table.Td>
              <Table.Td>
                <OutboxStatusBadge status={email.status} />
              </Table.Td>
              <Table.Td ta="right">{email.attempts}</Table.Td>
              <Table.Td>
                <Text size="sm" style={{ whiteSpace: "nowrap" }}>
                  {formatDateTime(email.createdAt)}
                </Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm" style={{ whiteSpace: "nowrap" }}>
                  {formatDateTime(email.sentAt)}
                </Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
