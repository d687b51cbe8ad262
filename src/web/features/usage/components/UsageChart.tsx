import "@mantine/charts/styles.css";
import { BarChart } from "@mantine/charts";
import { Box, Button, Stack, Table, Text } from "@mantine/core";
import { useId, useState } from "react";
import type { UsageSummary } from "../api";
import { formatCount, formatDay, formatMinutes, formatPeriod, formatShortDay } from "../format";

/** What the chart shows, in words: the screen-reader summary (the table below has every day). */
function describe(summary: UsageSummary): string {
  const busiest = summary.days.reduce<UsageSummary["days"][number] | null>(
    (best, day) => (!best || day.callMinutes > best.callMinutes ? day : best),
    null,
  );
  const period = formatPeriod(summary);
  if (!busiest || busiest.callMinutes === 0) return `Call minutes per day, ${period}: no calls.`;
  const withCalls = summary.days.filter((day) => day.calls > 0).length;
  return (
    `Call minutes per day, ${period}: ${formatMinutes(summary.totals.callMinutes)} minutes in all, ` +
    `on ${withCalls} of ${summary.days.length} days; the busiest day was ${formatDay(busiest.day)} ` +
    `with ${formatMinutes(busiest.callMinutes)} minutes.`
  );
}

/**
 * Call minutes per day as a bar chart (loaded on its own, it is the heaviest part of the app),
 * with a summary in words and the numbers of every day as a table on request.
 */
export default function UsageChart({ summary }: { summary: UsageSummary }) {
  const [showTable, setShowTable] = useState(false);
  const titleId = useId();
  const tableId = useId();
  return (
    <Stack gap="xs">
      <Box component="figure" m={0} aria-labelledby={titleId}>
        <Text component="figcaption" size="sm" fw={600} id={titleId}>
          Call minutes per day
        </Text>
        <Text size="sm" c="dimmed" className="visually-hidden">
          {describe(summary)}
        </Text>
        <div aria-hidden="true" data-testid="usage-chart">
          <BarChart
            h={260}
            data={summary.days}
            dataKey="day"
            series={[{ name: "callMinutes", label: "Call minutes", color: "blue.6" }]}
            tickLine="y"
            gridAxis="y"
            valueFormatter={(value) => formatMinutes(value)}
            xAxisProps={{ tickFormatter: (value: string) => formatShortDay(value), minTickGap: 24 }}
            barChartProps={{ accessibilityLayer: false }}
          />
        </div>
      </Box>
      <div>
        <Button
          variant="subtle"
          size="compact-sm"
          onClick={() => setShowTable((shown) => !shown)}
          aria-expanded={showTable}
          aria-controls={tableId}
        >
          {showTable ? "Hide the numbers per day" : "Show the numbers per day"}
        </Button>
      </div>
      <div id={tableId}>
        {showTable && (
          <Table.ScrollContainer minWidth={480} mah={360}>
            <Table striped verticalSpacing={4} stickyHeader>
              <caption className="visually-hidden">Usage per day, {formatPeriod(summary)}</caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Day</Table.Th>
                  <Table.Th ta="right">Calls</Table.Th>
                  <Table.Th ta="right">Call minutes</Table.Th>
                  <Table.Th ta="right">Room minutes</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {summary.days.map((day) => (
                  <Table.Tr key={day.day}>
                    <Table.Td>{formatDay(day.day)}</Table.Td>
                    <Table.Td ta="right">{formatCount(day.calls)}</Table.Td>
                    <Table.Td ta="right">{formatMinutes(day.callMinutes)}</Table.Td>
                    <Table.Td ta="right">{formatMinutes(day.roomMinutes)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </div>
    </Stack>
  );
}
