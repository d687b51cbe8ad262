import { Group, Table, Text, UnstyledButton } from "@mantine/core";

interface SortableHeaderProps {
  label: string;
  /** The API's sort key for this column, e.g. "email" (descending is "-email"). */
  field: string;
  /** The list's current sort, e.g. "-email". */
  sort: string;
  onSort: (sort: string) => void;
  /** Columns the API sorts one way only. */
  ascendingOnly?: boolean;
}

/**
 * A column header that sorts the list when clicked: a real button inside the header cell, and
 * aria-sort on the cell so screen readers announce the order.
 */
export function SortableHeader({ label, field, sort, onSort, ascendingOnly = false }: SortableHeaderProps) {
  const direction = sort === field ? "ascending" : sort === `-${field}` ? "descending" : "none";
  const next = direction === "ascending" && !ascendingOnly ? `-${field}` : field;
  const arrow = direction === "ascending" ? "▲" : direction === "descending" ? "▼" : "↕";
  return (
    <Table.Th aria-sort={direction}>
      <UnstyledButton onClick={() => onSort(next)} fw={700} fz="sm">
        <Group gap={4} wrap="nowrap">
          {label}
          <Text span size="xs" c={direction === "none" ? "dimmed" : undefined} aria-hidden="true">
            {arrow}
          </Text>
        </Group>
      </UnstyledButton>
    </Table.Th>
  );
}
