import { Table, Text } from "@mantine/core";
import { SortableHeader } from "../../members/components/SortableHeader";
import type { UsageBreakdownItem } from "../api";
import { formatCount, formatMinutes } from "../format";

interface BreakdownTableProps {
  items: UsageBreakdownItem[];
  caption: string;
  /** The first column's header: "Video system", "User" or "VMR". */
  nameLabel: string;
  /** Video systems have no room minutes of their own. */
  withRoomMinutes: boolean;
  sort: string;
  onSort: (sort: string) => void;
}

const wrap = { overflowWrap: "anywhere" } as const;

/** One tab's rows: name, address and the three figures, sortable by any of them. */
export function BreakdownTable({
  items,
  caption,
  nameLabel,
  withRoomMinutes,
  sort,
  onSort,
}: BreakdownTableProps) {
  const header = { sort, onSort };
  return (
    <Table.ScrollContainer minWidth={720}>
      <Table verticalSpacing="sm" highlightOnHover>
        <caption className="visually-hidden">{caption}</caption>
        <Table.Thead>
          <Table.Tr>
            <SortableHeader label={nameLabel} field="name" {...header} />
            <Table.Th>Video address</Table.Th>
            <SortableHeader label="Calls" field="calls" {...header} />
            <SortableHeader label="Call minutes" field="minutes" {...header} />
            {withRoomMinutes && <SortableHeader label="Room minutes" field="roomMinutes" {...header} />}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((item) => {
            const deleted = item.address === null;
            return (
              <Table.Tr key={item.id}>
                <Table.Td style={wrap}>
                  <Text
                    size="sm"
                    fw={deleted ? 400 : 500}
                    fs={deleted ? "italic" : undefined}
                    c={deleted ? "dimmed" : undefined}
                  >
                    {item.name}
                  </Text>
                </Table.Td>
                <Table.Td style={wrap}>
                  {item.address ?? (
                    <Text span size="sm" c="dimmed">
                      —
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>{formatCount(item.calls)}</Table.Td>
                <Table.Td>{formatMinutes(item.callMinutes)}</Table.Td>
                {withRoomMinutes && <Table.Td>{formatMinutes(item.roomMinutes)}</Table.Td>}
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
