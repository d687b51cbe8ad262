import { Anchor, Checkbox, Table, Text } from "@mantine/core";
import { Link } from "react-router";
import type { TeamRoomSummary } from "../../../api/types";
import { ownersText } from "./ownerModes";

interface TeamRoomsTableProps {
  rooms: TeamRoomSummary[];
  roomPath: (room: TeamRoomSummary) => string;
  selected: ReadonlySet<string>;
  onSelectedChange: (ids: Set<string>) => void;
}

const wrap = { overflowWrap: "anywhere" } as const;
const pinText = (set: boolean) => (set ? "Set" : "Not set");

/** The Team rooms tab's table: tick boxes for deleting, one link per row to the room's page. */
export function TeamRoomsTable({ rooms, roomPath, selected, onSelectedChange }: TeamRoomsTableProps) {
  const allTicked = rooms.length > 0 && rooms.every((room) => selected.has(room.id));
  const someTicked = rooms.some((room) => selected.has(room.id));
  const toggleAll = () => onSelectedChange(allTicked ? new Set() : new Set(rooms.map((room) => room.id)));
  const toggle = (id: string) => {
    const next = new Set(selected);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    onSelectedChange(next);
  };

  return (
    <Table.ScrollContainer minWidth={820}>
      <Table highlightOnHover verticalSpacing="sm">
        <caption className="visually-hidden">Team rooms</caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={40}>
              <Checkbox
                aria-label="Select all team rooms on this page"
                checked={allTicked}
                indeterminate={someTicked && !allTicked}
                onChange={toggleAll}
              />
            </Table.Th>
            <Table.Th>Name</Table.Th>
            <Table.Th>Video address</Table.Th>
            <Table.Th>Host PIN</Table.Th>
            <Table.Th>Guest PIN</Table.Th>
            <Table.Th>Owners</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rooms.map((room) => (
            <Table.Tr key={room.id} className="linked-row">
              <Table.Td>
                {/* Above the stretched row link, so ticking never opens the room. */}
                <Checkbox
                  aria-label={`Select ${room.name}`}
                  checked={selected.has(room.id)}
                  onChange={() => toggle(room.id)}
                  style={{ position: "relative", zIndex: 1 }}
                />
              </Table.Td>
              <Table.Td>
                <Anchor component={Link} to={roomPath(room)} className="row-link" fw={500}>
                  {room.name}
                </Anchor>
              </Table.Td>
              <Table.Td style={wrap}>{room.videoAddress}</Table.Td>
              <Table.Td>{pinText(room.hostPinSet)}</Table.Td>
              <Table.Td>{pinText(room.guestPinSet)}</Table.Td>
              <Table.Td>
                <Text size="sm" style={wrap}>
                  {ownersText(room)}
                </Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
