import { Badge, Table, Text } from "@mantine/core";
import type { DirectoryEntry } from "../../../api/types";

/** People and team rooms, with the addresses to call them on. */
export function DirectoryTable({ entries, caption }: { entries: DirectoryEntry[]; caption: string }) {
  return (
    <Table.ScrollContainer minWidth={560}>
      <Table striped highlightOnHover verticalSpacing="sm">
        <caption className="visually-hidden">{caption}</caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Name</Table.Th>
            <Table.Th scope="col">Video address</Table.Th>
            <Table.Th scope="col">Meeting room</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {entries.map((entry) => (
            <Table.Tr key={`${entry.type}-${entry.id}`}>
              <Table.Th scope="row" fw={500}>
                {entry.name}
                {entry.type === "room" && (
                  <Badge ml="xs" size="sm" variant="light">
                    Team room
                  </Badge>
                )}
              </Table.Th>
              <Table.Td style={{ overflowWrap: "anywhere" }}>{entry.address}</Table.Td>
              <Table.Td style={{ overflowWrap: "anywhere" }}>
                {entry.personalRoom ? (
                  entry.personalRoom.address
                ) : (
                  <Text span c="dimmed" size="sm">
                    {entry.type === "room" ? "—" : "No personal room"}
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
