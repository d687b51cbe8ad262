import { Button, Paper, Stack } from "@mantine/core";
import { Link } from "react-router";
import { ErrorAlert } from "../../../components/ErrorAlert";
import { ListEmptyState } from "../../../components/ListEmptyState";
import { ListFooter } from "../../../components/ListFooter";
import { PageHeader } from "../../../components/PageHeader";
import { PageLoader } from "../../../components/PageLoader";
import { SearchInput } from "../../../components/SearchInput";
import { useListSearchParams } from "../../../lib/useListSearchParams";
import { CompaniesTable } from "../../partner/components/CompaniesTable";
import { ALL_COMPANIES_PAGE_SIZE, useAllCompanies } from "../queries";

/** Every company of every partner, for the operator to find one quickly. */
export function AllCompaniesPage() {
  const list = useListSearchParams();
  const companies = useAllCompanies({ q: list.q, page: list.page, pageSize: ALL_COMPANIES_PAGE_SIZE });

  return (
    <Stack gap="lg">
      <PageHeader
        title="All companies"
        description="The customer companies of every partner. Companies are created from their partner's page."
      />
      <SearchInput
        label="Search companies"
        placeholder="Name or slug"
        value={list.q}
        onSearch={(q) => list.update({ q })}
      />
      {companies.isPending && <PageLoader label="Loading companies" />}
      {companies.error && (
        <ErrorAlert title="Could not load the companies" message={companies.error.message} />
      )}
      {companies.data &&
        companies.data.items.length === 0 &&
        (companies.data.total > 0 ? (
          <ListEmptyState
            title="No companies on this page"
            action={{ label: "Go to the first page", onClick: () => list.update({ page: 1 }) }}
          />
        ) : list.q ? (
          <ListEmptyState
            title="No companies match"
            action={{ label: "Clear the search", onClick: () => list.update({ q: "" }) }}
          />
        ) : (
          <ListEmptyState
            title="No companies yet"
            description="Partners and their admins create companies; open a partner to create one for it."
            action={
              <Button component={Link} to="/operator/partners" variant="light">
                Go to the partners
              </Button>
            }
          />
        ))}
      {companies.data && companies.data.items.length > 0 && (
        <Paper withBorder radius="md" p={0} style={{ opacity: companies.isPlaceholderData ? 0.6 : 1 }}>
          <CompaniesTable
            companies={companies.data.items}
            companyPath={(company) => `/operator/partners/${company.partner.id}/companies/${company.id}`}
            showPartner
            caption="All companies"
          />
        </Paper>
      )}
      {companies.data && (
        <ListFooter
          page={list.page}
          pageSize={ALL_COMPANIES_PAGE_SIZE}
          shown={companies.data.items.length}
          total={companies.data.total}
          noun={["company", "companies"]}
          onPageChange={(page) => list.update({ page })}
        />
      )}
    </Stack>
  );
}
