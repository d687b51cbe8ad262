import { Alert, Paper, Stack, Text } from "@mantine/core";
import { ErrorAlert } from "../../../components/ErrorAlert";
import { ListEmptyState } from "../../../components/ListEmptyState";
import { ListFooter } from "../../../components/ListFooter";
import { PageHeader } from "../../../components/PageHeader";
import { PageLoader } from "../../../components/PageLoader";
import { SearchInput } from "../../../components/SearchInput";
import { useListSearchParams } from "../../../lib/useListSearchParams";
import { useScopedCompany } from "../../company/components/CompanyScope";
import { VideoSystemsTable } from "../components/VideoSystemsTable";
import { useVideoSystems, VIDEO_SYSTEMS_PAGE_SIZE } from "../queries";
import { videoSystemLinks } from "../status";

/**
 * The Video systems tab: the company's shared video systems (twinned ones are on their member's
 * page). Admins rename and readdress them; adding and removing is the partner's job.
 */
export function VideoSystemsPage() {
  const company = useScopedCompany();
  const list = useListSearchParams();
  const systems = useVideoSystems(company.id, {
    q: list.q,
    page: list.page,
    pageSize: VIDEO_SYSTEMS_PAGE_SIZE,
    twinned: "shared",
  });
  const subscriptions = systems.data?.endpointSubscriptions;

  return (
    <Stack gap="lg">
      <PageHeader
        title="Video systems"
        crumbs={[{ label: "Company administration", to: `/companies/${company.id}/admin` }]}
        description={`${company.name} · shared video systems (endpoint subscriptions). Systems twinned to a member are on that member's page.`}
      />
      <Alert color="blue" variant="light" title="Adding or removing video systems">
        Contact your partner ({company.partner.name}) to add or remove video systems.
        {subscriptions && (
          <Text size="sm" mt={4} aria-live="polite">
            Endpoint subscriptions: {subscriptions.used} of {subscriptions.total} used (
            {subscriptions.remaining} left)
          </Text>
        )}
      </Alert>
      <SearchInput
        label="Search video systems"
        placeholder="Name, video address or serial number"
        value={list.q}
        onSearch={(q) => list.update({ q })}
      />
      {systems.isPending && <PageLoader label="Loading video systems" />}
      {systems.error && (
        <ErrorAlert title="Could not load the video systems" message={systems.error.message} />
      )}
      {systems.data && systems.data.items.length === 0 && (
        <ListEmptyState
          title={
            systems.data.total > 0
              ? "No video systems on this page"
              : list.q
                ? "No video systems match your search"
                : "No shared video systems yet"
          }
          description={
            list.q
              ? "Search by name, video address or serial number."
              : `Shared video systems are room and desk endpoints not twinned to a member. Your partner (${company.partner.name}) adds them.`
          }
          {...(list.q || systems.data.total > 0
            ? { action: { label: "Clear search", onClick: () => list.update({ q: "", page: 1 }) } }
            : {})}
        />
      )}
      {systems.data && systems.data.items.length > 0 && (
        <Paper withBorder radius="md" p={0} style={{ opacity: systems.isPlaceholderData ? 0.6 : 1 }}>
          <VideoSystemsTable
            systems={systems.data.items}
            systemPath={(system) => videoSystemLinks(company.id, system.id).page}
          />
        </Paper>
      )}
      {systems.data && (
        <ListFooter
          page={list.page}
          pageSize={VIDEO_SYSTEMS_PAGE_SIZE}
          shown={systems.data.items.length}
          total={systems.data.total}
          noun={["video system", "video systems"]}
          onPageChange={(page) => list.update({ page })}
        />
      )}
    </Stack>
  );
}
