import { Button, Paper, Stack } from "@mantine/core";
import { ErrorAlert } from "../../../components/ErrorAlert";
import { ListFooter } from "../../../components/ListFooter";
import { PageHeader } from "../../../components/PageHeader";
import { PageLoader } from "../../../components/PageLoader";
import { useScopedCompany } from "../../company/components/CompanyScope";
import { auditCsvUrl } from "../api";
import { AuditEmpty } from "../components/AuditEmpty";
import { AuditFilters } from "../components/AuditFilters";
import { AuditTable } from "../components/AuditTable";
import { AUDIT_PAGE_SIZE, useAuditEvents } from "../queries";
import { useAuditSearchParams } from "../useAuditSearchParams";

const BACKWARDS = "Choose an end on or after the start.";

/** Company administration › Audit log: who changed what and when, filterable, exportable as CSV. */
export function AuditLogPage() {
  const company = useScopedCompany();
  const { page, filters, filtered, update } = useAuditSearchParams();
  // Local days as YYYY-MM-DD compare as text; a backwards range is not sent at all.
  const rangeError = filters.from && filters.to && filters.from > filters.to ? BACKWARDS : null;
  const events = useAuditEvents(company.id, { ...filters, page }, rangeError === null);
  const clear = () => update({ person: "", object: "", from: "", to: "" });

  return (
    <Stack gap="lg">
      <PageHeader
        title="Audit log"
        crumbs={[{ label: "Company administration", to: `/companies/${company.id}/admin` }]}
        description={`${company.name}: every change to members, rooms and settings, newest first.`}
        actions={
          rangeError ? (
            <Button variant="default" disabled>
              Export CSV
            </Button>
          ) : (
            <Button component="a" href={auditCsvUrl(company.id, filters)} download variant="default">
              Export CSV
            </Button>
          )
        }
      />
      <AuditFilters companyId={company.id} filters={filters} rangeError={rangeError} onChange={update} />

      {!rangeError && events.isPending && <PageLoader label="Loading the audit log" />}
      {events.error && <ErrorAlert title="Could not load the audit log" message={events.error.message} />}
      {!rangeError && events.data && events.data.items.length === 0 && (
        <AuditEmpty
          filtered={filtered}
          beyondLastPage={events.data.total > 0}
          onClearFilters={clear}
          onFirstPage={() => update({ page: 1 })}
        />
      )}
      {!rangeError && events.data && events.data.items.length > 0 && (
        <Paper withBorder radius="md" p={0} style={{ opacity: events.isPlaceholderData ? 0.6 : 1 }}>
          <AuditTable events={events.data.items} />
        </Paper>
      )}
      {!rangeError && events.data && (
        <ListFooter
          page={page}
          pageSize={AUDIT_PAGE_SIZE}
          shown={events.data.items.length}
          total={events.data.total}
          noun={["change", "changes"]}
          onPageChange={(next) => update({ page: next })}
        />
      )}
    </Stack>
  );
}
