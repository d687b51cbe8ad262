import { Anchor, Button, Stack } from "@mantine/core";
import { Link, useParams } from "react-router";
import { isApiError } from "../../../api/client";
import { ErrorAlert } from "../../../components/ErrorAlert";
import { PageHeader } from "../../../components/PageHeader";
import { PageLoader } from "../../../components/PageLoader";
import { SectionCard } from "../../../components/SectionCard";
import { formatDateTime } from "../../../lib/formatDate";
import { usePageTitle } from "../../../lib/usePageTitle";
import { CompanyFacts } from "../../company/components/CompanyFacts";
import { useScopedCompany } from "../../company/components/CompanyScope";
import { VideoSystemForm } from "../components/VideoSystemForm";
import { VideoSystemLinks } from "../components/VideoSystemLinks";
import { VideoSystemStatusBadge } from "../components/VideoSystemsTable";
import { useVideoSystem } from "../queries";

/** /companies/:companyId/admin/video-systems/:videoSystemId — one video system: settings, status, links. */
export function VideoSystemPage() {
  const company = useScopedCompany();
  const { videoSystemId = "" } = useParams();
  const system = useVideoSystem(company.id, videoSystemId);
  const listPath = `/companies/${company.id}/admin/video-systems`;

  if (system.isPending) return <PageLoader label="Loading the video system" />;
  if (system.error) return <SystemUnavailable error={system.error} listPath={listPath} />;
  const data = system.data;
  const member = data.twinnedMember;
  return (
    <Stack gap="lg">
      <PageHeader
        title={data.name}
        crumbs={[
          { label: "Company administration", to: `/companies/${company.id}/admin` },
          { label: "Video systems", to: listPath },
        ]}
        description={data.videoAddress}
        badge={<VideoSystemStatusBadge system={data} />}
      />
      <SectionCard title="Subscription">
        <CompanyFacts
          facts={[
            { label: "Serial number", value: data.serialNumber ?? "—" },
            {
              label: "Twinned to",
              value: member ? (
                <Anchor component={Link} to={`/companies/${company.id}/admin/members/${member.id}`}>
                  {member.fullName}
                </Anchor>
              ) : (
                "Shared (not twinned to a member)"
              ),
            },
            { label: "Activated", value: data.activatedAt ? formatDateTime(data.activatedAt) : "Not yet" },
            { label: "Added", value: formatDateTime(data.createdAt) },
          ]}
        />
        <VideoSystemLinks companyId={company.id} id={data.id} name={data.name} />
      </SectionCard>
      <VideoSystemForm key={data.id} company={company} system={data} />
    </Stack>
  );
}

function SystemUnavailable({ error, listPath }: { error: Error; listPath: string }) {
  usePageTitle("Video system");
  const notFound = isApiError(error, 404);
  return (
    <Stack gap="md" align="flex-start">
      <ErrorAlert
        title={notFound ? "Video system not found" : "Could not load the video system"}
        message={notFound ? "This video system does not exist, or was deleted." : error.message}
      />
      <Button component={Link} to={listPath} variant="light">
        Back to video systems
      </Button>
    </Stack>
  );
}
