import { Paper, Stack } from "@mantine/core";
import { lazy, Suspense } from "react";
import { defaultPeriod, todayIn } from "../../../../domain/usage-period";
import { ErrorAlert } from "../../../components/ErrorAlert";
import { PageHeader } from "../../../components/PageHeader";
import { PageLoader } from "../../../components/PageLoader";
import { useScopedCompany } from "../../company/components/CompanyScope";
import { usageExportUrl } from "../api";
import { BreakdownTabs, isUsageTab } from "../components/BreakdownTabs";
import { ExportButtons } from "../components/ExportButtons";
import { PeriodPicker } from "../components/PeriodPicker";
import { UsageEmpty } from "../components/UsageEmpty";
import { UsageFigureCards } from "../components/UsageFigureCards";
import { useUsageSummary } from "../queries";
import { useUsageView } from "../useUsagePeriod";

// The chart library is the heaviest part of the app: loaded only when a chart is shown.
const UsageChart = lazy(() => import("../components/UsageChart"));

/**
 * Company usage: the period's three figures against the period before, call minutes per day,
 * and the same by endpoint, user and VMR — for the company's admins and those acting for them.
 */
export function CompanyUsagePage() {
  const company = useScopedCompany();
  const today = todayIn(company.timeZone);
  const view = useUsageView(today);
  const { period } = view;
  const summary = useUsageSummary(company.id, period ?? defaultPeriod(today), period !== null);
  const data = period ? summary.data : undefined;
  const tab = isUsageTab(view.tab) ? view.tab : "endpoints";
  const hasUsage = data
    ? data.totals.calls > 0 || data.totals.callMinutes > 0 || data.totals.roomMinutes > 0
    : false;

  return (
    <Stack gap="lg">
      <PageHeader
        title="Company usage"
        crumbs={[{ label: "Company administration", to: `/companies/${company.id}/admin` }]}
        description={`${company.name}: calls and minutes per day, by video system, user and meeting room.`}
        actions={
          <ExportButtons
            what="of usage per day"
            href={(format) => (period ? usageExportUrl.summary(company.id, period, format) : null)}
          />
        }
      />
      <PeriodPicker
        view={view}
        today={today}
        onChange={view.update}
        note={`Days are in the company's time zone (${company.timeZone}).`}
      />
      {period && summary.isPending && <PageLoader label="Loading usage" />}
      {summary.error && <ErrorAlert title="Could not load the usage" message={summary.error.message} />}
      {period && data && (
        <Stack gap="lg" style={{ opacity: summary.isPlaceholderData ? 0.6 : 1 }}>
          <UsageFigureCards totals={data.totals} previous={data.previous} />
          {hasUsage ? (
            <Paper withBorder radius="md" p="md">
              <Suspense fallback={<PageLoader label="Loading the chart" />}>
                <UsageChart summary={data} />
              </Suspense>
            </Paper>
          ) : (
            <UsageEmpty />
          )}
          <BreakdownTabs
            companyId={company.id}
            period={period}
            tab={tab}
            sort={view.sort}
            page={view.page}
            onChange={view.update}
          />
        </Stack>
      )}
    </Stack>
  );
}
