import { Group, Paper, Stack, Tabs, Text } from "@mantine/core";
import type { UsagePeriod } from "../../../../domain/usage-period";
import { ErrorAlert } from "../../../components/ErrorAlert";
import { ListFooter } from "../../../components/ListFooter";
import { PageLoader } from "../../../components/PageLoader";
import { type UsageTab, usageExportUrl } from "../api";
import { formatPeriod } from "../format";
import { USAGE_PAGE_SIZE, useUsageBreakdown } from "../queries";
import { BreakdownTable } from "./BreakdownTable";
import { ExportButtons } from "./ExportButtons";

const TABS: Record<UsageTab, { label: string; column: string; nouns: [string, string]; empty: string }> = {
  endpoints: {
    label: "Endpoints",
    column: "Video system",
    nouns: ["video system", "video systems"],
    empty: "No video system was in a call in this period.",
  },
  users: {
    label: "Users",
    column: "User",
    nouns: ["user", "users"],
    empty: "Nobody was in a call in this period.",
  },
  vmrs: {
    label: "VMRs",
    column: "VMR",
    nouns: ["VMR", "VMRs"],
    empty: "No personal or team room was in use in this period.",
  },
};
const TAB_KEYS = Object.keys(TABS) as UsageTab[];
const DEFAULT_SORT = "-minutes";

export const isUsageTab = (value: string): value is UsageTab => TAB_KEYS.includes(value as UsageTab);

interface BreakdownTabsProps {
  companyId: string;
  period: UsagePeriod;
  tab: UsageTab;
  sort: string;
  page: number;
  onChange: (changes: { tab?: string; sort?: string; page?: number }) => void;
}

/** Endpoints / Users / VMRs: the period's figures per video system, person and room. */
export function BreakdownTabs({ companyId, period, tab, sort, page, onChange }: BreakdownTabsProps) {
  return (
    <Tabs value={tab} onChange={(next) => next && onChange({ tab: next })} keepMounted={false}>
      <Tabs.List aria-label="Usage by">
        {TAB_KEYS.map((key) => (
          <Tabs.Tab key={key} value={key}>
            {TABS[key].label}
          </Tabs.Tab>
        ))}
      </Tabs.List>
      {TAB_KEYS.map((key) => (
        <Tabs.Panel key={key} value={key} pt="md">
          <BreakdownPanel
            companyId={companyId}
            period={period}
            tab={key}
            sort={sort}
            page={page}
            onChange={onChange}
          />
        </Tabs.Panel>
      ))}
    </Tabs>
  );
}

function BreakdownPanel({ companyId, period, tab, sort, page, onChange }: BreakdownTabsProps) {
  const spec = TABS[tab];
  const effectiveSort = sort || DEFAULT_SORT;
  const list = useUsageBreakdown(companyId, tab, { ...period, sort: effectiveSort, page });
  const exportParams = { ...period, sort: effectiveSort };
  return (
    <Stack gap="sm">
      <Group justify="space-between" wrap="wrap">
        <Text size="sm" c="dimmed">
          By {spec.nouns[0]}, {formatPeriod(period)}. Names and addresses are today's.
        </Text>
        <ExportButtons
          what={`of usage by ${spec.nouns[0]}`}
          href={(format) => usageExportUrl.breakdown(companyId, tab, exportParams, format)}
        />
      </Group>
      {list.isPending && <PageLoader label={`Loading usage by ${spec.nouns[0]}`} />}
      {list.error && <ErrorAlert title="Could not load this tab" message={list.error.message} />}
      {list.data && list.data.items.length === 0 && (
        <Paper withBorder radius="md" p="lg" role="status">
          <Text size="sm">{list.data.total > 0 ? "There is nothing on this page." : spec.empty}</Text>
        </Paper>
      )}
      {list.data && list.data.items.length > 0 && (
        <Paper withBorder radius="md" p={0} style={{ opacity: list.isPlaceholderData ? 0.6 : 1 }}>
          <BreakdownTable
            items={list.data.items}
            caption={`Usage by ${spec.nouns[0]}, ${formatPeriod(period)}`}
            nameLabel={spec.column}
            withRoomMinutes={tab !== "endpoints"}
            sort={effectiveSort}
            onSort={(next) => onChange({ tab, sort: next })}
          />
        </Paper>
      )}
      {list.data && (
        <ListFooter
          page={page}
          pageSize={USAGE_PAGE_SIZE}
          shown={list.data.items.length}
          total={list.data.total}
          noun={spec.nouns}
          onPageChange={(next) => onChange({ tab, sort, page: next })}
        />
      )}
    </Stack>
  );
}
