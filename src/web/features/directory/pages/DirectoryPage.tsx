import { Paper, Stack } from "@mantine/core";
import { ErrorAlert } from "../../../components/ErrorAlert";
import { ListEmptyState } from "../../../components/ListEmptyState";
import { ListFooter } from "../../../components/ListFooter";
import { PageHeader } from "../../../components/PageHeader";
import { PageLoader } from "../../../components/PageLoader";
import { SearchInput } from "../../../components/SearchInput";
import { useListSearchParams } from "../../../lib/useListSearchParams";
import { useSignedInMe } from "../../auth/queries";
import { DirectoryTable } from "../components/DirectoryTable";
import { DIRECTORY_PAGE_SIZE, useDirectory } from "../queries";

/** The company directory for its own people: who can be called, on which address. */
export function DirectoryPage() {
  const me = useSignedInMe();
  const companyId = me.company?.id ?? "";
  const list = useListSearchParams();
  const directory = useDirectory(companyId, { q: list.q, page: list.page, pageSize: DIRECTORY_PAGE_SIZE });
  const data = directory.data;

  return (
    <Stack gap="lg">
      <PageHeader
        title="Directory"
        description={`People in ${me.company?.name ?? "your company"} and the addresses to call them on.`}
      />
      <SearchInput
        label="Search the directory"
        placeholder="Name or video address"
        value={list.q}
        onSearch={(q) => list.update({ q })}
      />
      {directory.isPending && <PageLoader label="Loading the directory" />}
      {directory.error && (
        <ErrorAlert title="Could not load the directory" message={directory.error.message} />
      )}
      {data && data.items.length === 0 && (
        <DirectoryEmpty
          searched={list.q !== ""}
          beyondLastPage={data.total > 0}
          onClear={() => list.update({ q: "" })}
          onFirstPage={() => list.update({ page: 1 })}
        />
      )}
      {data && data.items.length > 0 && (
        <Paper withBorder radius="md" p={0} style={{ opacity: directory.isPlaceholderData ? 0.6 : 1 }}>
          <DirectoryTable
            entries={data.items}
            caption={`Directory of ${me.company?.name ?? "your company"}`}
          />
        </Paper>
      )}
      {data && (
        <ListFooter
          page={list.page}
          pageSize={DIRECTORY_PAGE_SIZE}
          shown={data.items.length}
          total={data.total}
          noun={["entry", "entries"]}
          onPageChange={(page) => list.update({ page })}
        />
      )}
    </Stack>
  );
}

interface DirectoryEmptyProps {
  searched: boolean;
  beyondLastPage: boolean;
  onClear: () => void;
  onFirstPage: () => void;
}

function DirectoryEmpty({ searched, beyondLastPage, onClear, onFirstPage }: DirectoryEmptyProps) {
  if (beyondLastPage) {
    return (
      <ListEmptyState
        title="Nothing on this page"
        action={{ label: "Go to the first page", onClick: onFirstPage }}
      />
    );
  }
  if (searched) {
    return (
      <ListEmptyState
        title="No one matches"
        description="Try part of a name or a video address."
        action={{ label: "Clear search", onClick: onClear }}
      />
    );
  }
  return (
    <ListEmptyState
      title="The directory is empty"
      description="People appear here once they have activated their accounts."
    />
  );
}
