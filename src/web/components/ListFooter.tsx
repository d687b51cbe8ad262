import { Group, Pagination, Text } from "@mantine/core";

interface ListFooterProps {
  page: number;
  pageSize: number;
  shown: number;
  total: number;
  /** Singular and plural nouns for the count, e.g. ["company", "companies"]. */
  noun: [string, string];
  onPageChange: (page: number) => void;
  /** `total` is a lower bound ("10,000+"): a search counts its matches only that far. */
  totalCapped?: boolean;
}

/** "21–40 of 57 companies" and the page links below a paginated table. */
export function ListFooter({
  page,
  pageSize,
  shown,
  total,
  noun,
  onPageChange,
  totalCapped,
}: ListFooterProps) {
  if (total === 0) return null;
  const totalPages = Math.max(1, Math.ceil(total / pageSize));
  const all = totalCapped
    ? `${total.toLocaleString("en")}+ ${noun[1]}`
    : `${total} ${total === 1 ? noun[0] : noun[1]}`;
  const first = (page - 1) * pageSize + 1;
  const range = shown === 0 || total <= pageSize ? all : `${first}–${first + shown - 1} of ${all}`;
  return (
    <Group justify="space-between" wrap="wrap">
      <Text size="sm" c="dimmed" aria-live="polite">
        {range}
        {totalCapped &&
          ` — the first ${total.toLocaleString("en")} are shown; type more to narrow the search.`}
      </Text>
      {totalPages > 1 && (
        <Pagination
          total={totalPages}
          value={Math.min(page, totalPages)}
          onChange={onPageChange}
          aria-label={`Pages of ${noun[1]}`}
        />
      )}
    </Group>
  );
}
