import { Anchor, Badge, Checkbox, Table, Text } from "@mantine/core";
import { Link } from "react-router";
import type { PendingInvitation } from "../../../api/types";
import { formatDateTime } from "../../../lib/formatDate";

interface PendingInvitesTableProps {
  invitations: PendingInvitation[];
  selected: ReadonlySet<string>;
  onSelectedChange: (ids: Set<string>) => void;
  memberPath: (memberId: string) => string;
}

const wrap = { overflowWrap: "anywhere" } as const;

/** Invitations not yet accepted, with tick boxes for resending or revoking them. */
export function PendingInvitesTable({
  invitations,
  selected,
  onSelectedChange,
  memberPath,
}: PendingInvitesTableProps) {
  const allTicked = invitations.length > 0 && invitations.every((item) => selected.has(item.memberId));
  const someTicked = invitations.some((item) => selected.has(item.memberId));
  const toggle = (id: string) => {
    const next = new Set(selected);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    onSelectedChange(next);
  };
  return (
    <Table.ScrollContainer minWidth={900}>
      <Table highlightOnHover verticalSpacing="sm">
        <caption className="visually-hidden">Pending invites</caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={40}>
              <Checkbox
                aria-label="Select all invitations on this page"
                checked={allTicked}
                indeterminate={someTicked && !allTicked}
                onChange={() =>
                  onSelectedChange(allTicked ? new Set() : new Set(invitations.map((item) => item.memberId)))
                }
              />
            </Table.Th>
            <Table.Th>Name</Table.Th>
            <Table.Th>Email</Table.Th>
            <Table.Th>Video address</Table.Th>
            <Table.Th>Invited</Table.Th>
            <Table.Th>Invited by</Table.Th>
            <Table.Th>Link expires</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {invitations.map((item) => (
            <Table.Tr key={item.memberId}>
              <Table.Td>
                <Checkbox
                  aria-label={`Select ${item.fullName}`}
                  checked={selected.has(item.memberId)}
                  onChange={() => toggle(item.memberId)}
                />
              </Table.Td>
              <Table.Td>
                <Anchor component={Link} to={memberPath(item.memberId)} fw={500}>
                  {item.fullName}
                </Anchor>
              </Table.Td>
              <Table.Td style={wrap}>{item.email}</Table.Td>
              <Table.Td style={wrap}>{item.videoAddress}</Table.Td>
              <Table.Td>{formatDateTime(item.invitedAt)}</Table.Td>
              <Table.Td>
                {item.invitedBy ?? (
                  <Text span size="sm" c="dimmed">
                    Unknown
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                {item.expired ? (
                  <Badge color="red" variant="light">
                    Expired
                  </Badge>
                ) : (
                  formatDateTime(item.expiresAt)
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
