import { Button, Code, Group, Paper, Stack, Text } from "@mantine/core";
import { useState } from "react";
import { useSearchParams } from "react-router";
import { ErrorAlert } from "../../../components/ErrorAlert";
import { ListEmptyState } from "../../../components/ListEmptyState";
import { PageHeader } from "../../../components/PageHeader";
import { PageLoader } from "../../../components/PageLoader";
import { SearchInput } from "../../../components/SearchInput";
import type { PolicyRequestEntry } from "../api";
import { PolicyRequestModal } from "../components/PolicyRequestModal";
import { PolicyRequestsTable } from "../components/PolicyRequestsTable";
import { POLICY_REQUESTS_LIMIT, useInfinitySettings, usePolicyRequests } from "../queries";

export function PolicyRequestsPage() {
  // The search lives in the address, so Back and reload keep it.
  const [searchParams, setSearchParams] = useSearchParams();
  const q = searchParams.get("q") ?? "";
  const requests = usePolicyRequests(q);
  const settings = useInfinitySettings();
  const [open, setOpen] = useState<PolicyRequestEntry | null>(null);
  const setQ = (next: string) => setSearchParams(next ? { q: next } : {}, { replace: true });
  const policyUrl = settings.data?.summary.policyProfileUrl;
  const data = requests.data;

  return (
    <Stack gap="lg">
      <PageHeader
        title="Policy requests"
        description={
          data?.instance ??
          "This instance only: each Confero instance keeps its own most recent requests in memory."
        }
        actions={
          <Button
            variant="default"
            onClick={() => requests.refetch()}
            loading={requests.isFetching && !requests.isPending}
          >
            Refresh
          </Button>
        }
      />
      <Group justify="space-between" align="flex-end" wrap="wrap">
        <SearchInput
          label="Search requests"
          placeholder="Alias, address, parameter or answer"
          value={q}
          onSearch={setQ}
        />
        {data && (
          <Text size="sm" c="dimmed" role="status">
            {describeCount(data.entries.length, q)} · keeps the last {data.capacity.toLocaleString()}
          </Text>
        )}
      </Group>
      {requests.isPending && <PageLoader label="Loading policy requests" />}
      {requests.error && (
        <ErrorAlert title="Could not load the policy requests" message={requests.error.message} />
      )}
      {data && data.entries.length === 0 && q === "" && (
        <ListEmptyState
          title="No policy requests yet on this instance"
          description={
            <>
              Point Infinity's policy profile at <Code>{policyUrl ?? "…/policy/v1"}</Code>: the requests it
              sends to this instance appear here, with Confero's answers.
            </>
          }
        />
      )}
      {data && data.entries.length === 0 && q !== "" && (
        <ListEmptyState
          title={`No policy requests match “${q}”`}
          description="The search looks in the request path, its query parameters and the answer."
          action={{ label: "Clear the search", onClick: () => setQ("") }}
        />
      )}
      {data && data.entries.length > 0 && (
        <Paper withBorder radius="md" p={0} style={{ opacity: requests.isPlaceholderData ? 0.6 : 1 }}>
          <PolicyRequestsTable entries={data.entries} onOpen={setOpen} />
        </Paper>
      )}
      <PolicyRequestModal entry={open} onClose={() => setOpen(null)} />
    </Stack>
  );
}

function describeCount(shown: number, q: string): string {
  const requests = `${shown.toLocaleString()} request${shown === 1 ? "" : "s"}`;
  const capped = shown >= POLICY_REQUESTS_LIMIT ? ` (the newest ${POLICY_REQUESTS_LIMIT})` : "";
  return q ? `${requests} matching${capped}` : `${requests}${capped}`;
}
