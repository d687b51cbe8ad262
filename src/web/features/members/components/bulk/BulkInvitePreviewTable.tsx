import { Badge, List, SegmentedControl, Stack, Table, Text } from "@mantine/core";
import { useState } from "react";
import type { BulkInviteRow } from "../../../../../domain/bulk-invite";
import { ListFooter } from "../../../../components/ListFooter";

const PAGE_SIZE = 50;
type Show = "problems" | "all";

const wrap = { overflowWrap: "anywhere" } as const;

/**
 * Every row of the file as the server read it, 50 at a time. With problems in the file, the
 * rows with problems come first (the ones to fix); "All rows" shows the file in its order.
 */
export function BulkInvitePreviewTable({
  rows,
  invalidCount,
}: {
  rows: BulkInviteRow[];
  invalidCount: number;
}) {
  const [show, setShow] = useState<Show>(invalidCount > 0 ? "problems" : "all");
  const [page, setPage] = useState(1);
  const shown = show === "problems" ? rows.filter((row) => row.problems.length > 0) : rows;
  const pageRows = shown.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE);
  const choose = (value: string) => {
    setShow(value === "problems" ? "problems" : "all");
    setPage(1);
  };

  return (
    <Stack gap="sm">
      {invalidCount > 0 && (
        <SegmentedControl
          aria-label="Rows to show"
          value={show}
          onChange={choose}
          data={[
            { value: "problems", label: `Rows with problems (${invalidCount.toLocaleString("en")})` },
            { value: "all", label: `All rows (${rows.length.toLocaleString("en")})` },
          ]}
          w="fit-content"
        />
      )}
      <Table.ScrollContainer minWidth={760}>
        <Table striped verticalSpacing="xs" aria-label="People in the file">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">Line</Table.Th>
              <Table.Th scope="col">Full name</Table.Th>
              <Table.Th scope="col">Email</Table.Th>
              <Table.Th scope="col">Video address</Table.Th>
              <Table.Th scope="col">Personal room</Table.Th>
              <Table.Th scope="col">Status</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {pageRows.map((row) => (
              <Table.Tr key={row.line}>
                <Table.Td>{row.line}</Table.Td>
                <Table.Td style={wrap}>{row.fullName}</Table.Td>
                <Table.Td style={wrap}>{row.email}</Table.Td>
                <Table.Td style={wrap}>{row.videoAddress}</Table.Td>
                <Table.Td style={wrap}>{row.personalRoomAddress ?? ""}</Table.Td>
                <Table.Td>
                  {row.problems.length === 0 ? (
                    <Badge color="green" variant="light">
                      Ready
                    </Badge>
                  ) : (
                    <List size="sm" c="red.8" spacing={2}>
                      {row.problems.map((problem) => (
                        <List.Item key={`${problem.field}-${problem.rule}`}>{problem.message}</List.Item>
                      ))}
                    </List>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {shown.length === 0 && <Text c="dimmed">No rows to show.</Text>}
      <ListFooter
        page={page}
        pageSize={PAGE_SIZE}
        shown={pageRows.length}
        total={shown.length}
        noun={["row", "rows"]}
        onPageChange={setPage}
      />
    </Stack>
  );
}
