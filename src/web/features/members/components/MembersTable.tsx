import { Anchor, Checkbox, Table, Text } from "@mantine/core";
import { Link } from "react-router";
import type { MemberSummary } from "../../../api/types";
import { MemberStatusBadge, ROLE_LABELS } from "./MemberBadges";
import { SortableHeader } from "./SortableHeader";

interface MembersTableProps {
  members: MemberSummary[];
  memberPath: (member: MemberSummary) => string;
  selected: ReadonlySet<string>;
  onSelectedChange: (ids: Set<string>) => void;
  sort: string;
  onSort: (sort: string) => void;
}

const mono = { overflowWrap: "anywhere" } as const;

/** The Members tab's table: tick boxes for bulk actions, sortable headers, one link per row. */
export function MembersTable({
  members,
  memberPath,
  selected,
  onSelectedChange,
  sort,
  onSort,
}: MembersTableProps) {
  const allTicked = members.length > 0 && members.every((member) => selected.has(member.id));
  const someTicked = members.some((member) => selected.has(member.id));
  const toggleAll = () =>
    onSelectedChange(allTicked ? new Set() : new Set(members.map((member) => member.id)));
  const toggle = (id: string) => {
    const next = new Set(selected);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    onSelectedChange(next);
  };
  const effectiveSort = sort || "fullName";
  const header = { sort: effectiveSort, onSort };

  return (
    <Table.ScrollContainer minWidth={960}>
      <Table highlightOnHover verticalSpacing="sm">
        <caption className="visually-hidden">Members</caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={40}>
              <Checkbox
                aria-label="Select all members on this page"
                checked={allTicked}
                indeterminate={someTicked && !allTicked}
                onChange={toggleAll}
              />
            </Table.Th>
            <SortableHeader label="Name" field="fullName" {...header} />
            <SortableHeader label="Email" field="email" {...header} />
            <SortableHeader label="Video address" field="videoAddress" {...header} />
            <SortableHeader label="Account type" field="role" ascendingOnly {...header} />
            <SortableHeader label="Status" field="status" ascendingOnly {...header} />
            <Table.Th>Personal VMR</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {members.map((member) => (
            <Table.Tr key={member.id} className="linked-row">
              <Table.Td>
                {/* Above the stretched row link, so ticking never opens the member. */}
                <Checkbox
                  aria-label={`Select ${member.fullName}`}
                  checked={selected.has(member.id)}
                  onChange={() => toggle(member.id)}
                  style={{ position: "relative", zIndex: 1 }}
                />
              </Table.Td>
              <Table.Td>
                <Anchor component={Link} to={memberPath(member)} className="row-link" fw={500}>
                  {member.fullName}
                </Anchor>
              </Table.Td>
              <Table.Td style={mono}>{member.email}</Table.Td>
              <Table.Td style={mono}>{member.videoAddress}</Table.Td>
              <Table.Td>{ROLE_LABELS[member.role] ?? member.role}</Table.Td>
              <Table.Td>
                <MemberStatusBadge status={member.status} />
              </Table.Td>
              <Table.Td style={mono}>
                {member.personalRoomAddress ?? (
                  <Text span c="dimmed" size="sm">
                    None
                  </Text>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
