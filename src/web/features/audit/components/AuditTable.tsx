import { Badge, Group, List, Stack, Table, Text } from "@mantine/core";
import type { AuditEvent } from "../../../api/types";
import { formatDateTime } from "../../../lib/formatDate";
import { relativeTime } from "./whenText";

export const ACTOR_KIND_LABELS = {
  operator: "operator",
  partner_admin: "partner admin",
  member: "member",
  system: "system",
} as const;

const wrap = { overflowWrap: "anywhere" } as const;

/**
 * The changed fields of an update whose sentence names them without their values (more than
 * two). A creation's sentence already says what was created, so its fields are not repeated.
 */
function Changes({ event }: { event: AuditEvent }) {
  const changes = event.changes ?? [];
  if (changes.length <= 2 || changes.every((change) => change.before === null)) return null;
  return (
    <List size="xs" c="dimmed" spacing={0}>
      {changes.map((change) => (
        <List.Item key={change.field}>
          {change.field}: {change.before ?? "none"} → {change.after ?? "none"}
        </List.Item>
      ))}
    </List>
  );
}

function Who({ actor }: { actor: AuditEvent["actor"] }) {
  return (
    <Group gap={6} wrap="wrap">
      <Text size="sm" fw={500} style={wrap}>
        {actor.name}
      </Text>
      {actor.kind !== "member" && (
        <Badge variant="light" color={actor.kind === "system" ? "gray" : "grape"} size="sm">
          {ACTOR_KIND_LABELS[actor.kind]}
        </Badge>
      )}
    </Group>
  );
}

/** The audit log: when, who, what and on which object, newest first. Read-only rows. */
export function AuditTable({ events }: { events: AuditEvent[] }) {
  return (
    <Table.ScrollContainer minWidth={800}>
      <Table verticalSpacing="sm">
        <caption className="visually-hidden">Audit log, newest first</caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={200}>When</Table.Th>
            <Table.Th w={200}>Who</Table.Th>
            <Table.Th>What</Table.Th>
            <Table.Th w={220}>Object</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {events.map((event) => (
            <Table.Tr key={event.id}>
              <Table.Td>
                <Stack gap={0}>
                  <Text size="sm" component="time" dateTime={event.occurredAt}>
                    {formatDateTime(event.occurredAt)}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {relativeTime(event.occurredAt)}
                  </Text>
                </Stack>
              </Table.Td>
              <Table.Td>
                <Who actor={event.actor} />
              </Table.Td>
              <Table.Td>
                <Stack gap={2}>
                  <Text size="sm" fw={500}>
                    {event.actionLabel}
                  </Text>
                  <Text size="sm" c="dimmed" style={wrap}>
                    {event.summary}
                  </Text>
                  <Changes event={event} />
                </Stack>
              </Table.Td>
              <Table.Td style={wrap}>
                <Text size="sm">{event.target.label ?? event.target.type}</Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
