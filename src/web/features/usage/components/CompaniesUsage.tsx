import { Paper, Stack } from "@mantine/core";
import { defaultPeriod, todayIn } from "../../../../domain/usage-period";
import { ErrorAlert } from "../../../components/ErrorAlert";
import { ListFooter } from "../../../components/ListFooter";
import { PageHeader } from "../../../components/PageHeader";
import { PageLoader } from "../../../components/PageLoader";
import { usageExportUrl } from "../api";
import { formatPeriod } from "../format";
import { USAGE_PAGE_SIZE, useCompaniesUsage } from "../queries";
import { useUsageView } from "../useUsagePeriod";
import { CompaniesUsageTable } from "./CompaniesUsageTable";
import { ExportButtons } from "./ExportButtons";
import { PeriodPicker } from "./PeriodPicker";
import { UsageEmpty } from "./UsageEmpty";
import { UsageFigureCards } from "./UsageFigureCards";

const DEFAULT_SORT = "name";

interface CompaniesUsageProps {
  title: string;
  description: string;
  /** A partner's customers, or (null) every company. */
  partnerId: string | null;
}

/** Usage per company — a partner's customers or the whole service — for one period, with totals. */
export function CompaniesUsage({ title, description, partnerId }: CompaniesUsageProps) {
  // Companies keep their own days; the picker's "today" is the viewer's.
  const today = todayIn(Intl.DateTimeFormat().resolvedOptions().timeZone);
  const view = useUsageView(today);
  const { period } = view;
  const sort = view.sort || DEFAULT_SORT;
  const list = useCompaniesUsage(
    partnerId,
    { ...(period ?? defaultPeriod(today)), sort, page: view.page },
    period !== null,
  );
  const data = period ? list.data : undefined;
  const hasUsage = data
    ? data.totals.calls > 0 || data.totals.callMinutes > 0 || data.totals.roomMinutes > 0
    : false;

  return (
    <Stack gap="lg">
      <PageHeader
        title={title}
        description={description}
        actions={
          <ExportButtons
            what="of usage per company"
            href={(format) =>
              period ? usageExportUrl.companies(partnerId, { ...period, sort }, format) : null
            }
          />
        }
      />
      <PeriodPicker
        view={view}
        today={today}
        onChange={view.update}
        note="Each company's figures are over its own days (its time zone)."
      />
      {period && list.isPending && <PageLoader label="Loading usage" />}
      {list.error && <ErrorAlert title="Could not load the usage" message={list.error.message} />}
      {period && data && (
        <Stack gap="lg" style={{ opacity: list.isPlaceholderData ? 0.6 : 1 }}>
          <UsageFigureCards totals={data.totals} />
          {!hasUsage && <UsageEmpty title="No calls in this period in any company" />}
          {data.items.length > 0 && (
            <Paper withBorder radius="md" p={0}>
              <CompaniesUsageTable
                items={data.items}
                caption={`Usage per company, ${formatPeriod(period)}`}
                period={period}
                withPartner={partnerId === null}
                sort={sort}
                onSort={(next) => view.update({ sort: next })}
              />
            </Paper>
          )}
          <ListFooter
            page={view.page}
            pageSize={USAGE_PAGE_SIZE}
            shown={data.items.length}
            total={data.total}
            noun={["company", "companies"]}
            onPageChange={(page) => view.update({ sort: view.sort, page })}
          />
        </Stack>
      )}
    </Stack>
  );
}
