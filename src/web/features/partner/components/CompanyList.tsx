import { Button, Group, NativeSelect, Paper, Stack } from "@mantine/core";
import { Link } from "react-router";
import { COMPANY_STATUSES, type CompanyStatus, type CompanySummary } from "../../../api/types";
import { ErrorAlert } from "../../../components/ErrorAlert";
import { ListEmptyState } from "../../../components/ListEmptyState";
import { ListFooter } from "../../../components/ListFooter";
import { PageLoader } from "../../../components/PageLoader";
import { SearchInput } from "../../../components/SearchInput";
import { useListSearchParams } from "../../../lib/useListSearchParams";
import { COMPANIES_PAGE_SIZE, usePartnerCompanies } from "../queries";
import { CompaniesTable } from "./CompaniesTable";
import { COMPANY_STATUS_LABELS } from "./CompanyStatusBadge";

interface CompanyListProps {
  partnerId: string;
  companyPath: (company: CompanySummary) => string;
  newCompanyPath: string;
}

const STATUS_OPTIONS = [
  { value: "", label: "All statuses" },
  ...COMPANY_STATUSES.map((status) => ({ value: status, label: COMPANY_STATUS_LABELS[status] })),
];

const isStatus = (value: string): value is CompanyStatus =>
  (COMPANY_STATUSES as readonly string[]).includes(value);

/** A partner's customer companies: search, status filter, pages, and the way to create one. */
export function CompanyList({ partnerId, companyPath, newCompanyPath }: CompanyListProps) {
  const list = useListSearchParams();
  const status = isStatus(list.status) ? list.status : "";
  const companies = usePartnerCompanies(partnerId, {
    q: list.q,
    status,
    page: list.page,
    pageSize: COMPANIES_PAGE_SIZE,
  });
  const filtered = list.q !== "" || status !== "";

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end" gap="sm">
        <Group align="flex-end" gap="sm">
          <SearchInput
            label="Search companies"
            placeholder="Name or slug"
            value={list.q}
            onSearch={(q) => list.update({ q })}
          />
          <NativeSelect
            label="Status"
            data={STATUS_OPTIONS}
            value={status}
            onChange={(event) => list.update({ status: event.currentTarget.value })}
          />
        </Group>
        <Button component={Link} to={newCompanyPath}>
          Create company
        </Button>
      </Group>

      {companies.isPending && <PageLoader label="Loading companies" />}
      {companies.error && (
        <ErrorAlert title="Could not load the companies" message={companies.error.message} />
      )}
      {companies.data && companies.data.items.length === 0 && (
        <CompanyListEmpty
          filtered={filtered}
          beyondLastPage={companies.data.total > 0}
          newCompanyPath={newCompanyPath}
          onClearFilters={() => list.update({ q: "", status: "" })}
          onFirstPage={() => list.update({ page: 1 })}
        />
      )}
      {companies.data && companies.data.items.length > 0 && (
        <Paper withBorder radius="md" p={0} style={{ opacity: companies.isPlaceholderData ? 0.6 : 1 }}>
          <CompaniesTable
            companies={companies.data.items}
            companyPath={companyPath}
            caption="Customer companies"
          />
        </Paper>
      )}
      {companies.data && (
        <ListFooter
          page={list.page}
          pageSize={COMPANIES_PAGE_SIZE}
          shown={companies.data.items.length}
          total={companies.data.total}
          noun={["company", "companies"]}
          onPageChange={(page) => list.update({ page })}
        />
      )}
    </Stack>
  );
}

interface CompanyListEmptyProps {
  filtered: boolean;
  beyondLastPage: boolean;
  newCompanyPath: string;
  onClearFilters: () => void;
  onFirstPage: () => void;
}

function CompanyListEmpty({
  filtered,
  beyondLastPage,
  newCompanyPath,
  onClearFilters,
  onFirstPage,
}: CompanyListEmptyProps) {
  if (beyondLastPage) {
    return (
      <ListEmptyState
        title="No companies on this page"
        action={{ label: "Go to the first page", onClick: onFirstPage }}
      />
    );
  }
  if (filtered) {
    return (
      <ListEmptyState
        title="No companies match"
        description="Try another name, or show every status."
        action={{ label: "Clear search and filter", onClick: onClearFilters }}
      />
    );
  }
  return (
    <ListEmptyState
      title="No customer companies yet"
      description="Create a company to give its administrator an account, its domains and its licences."
      action={
        <Button component={Link} to={newCompanyPath} variant="light">
          Create the first company
        </Button>
      }
    />
  );
}
