import { Badge, SimpleGrid, Stack, Text } from "@mantine/core";
import { useParams } from "react-router";
import { PageHeader } from "../../../components/PageHeader";
import { PageLoader } from "../../../components/PageLoader";
import { SectionCard } from "../../../components/SectionCard";
import { formatDateTime } from "../../../lib/formatDate";
import { useScopedCompany } from "../../company/components/CompanyScope";
import { STATUS_COLOURS, statusText } from "../../video-systems/status";
import { ActivationCodeCard } from "../components/ActivationCodeCard";
import { ActivationInstructions } from "../components/ActivationInstructions";
import { VideoSystemUnavailable, videoSystemCrumbs } from "../components/VideoSystemUnavailable";
import { useActivation } from "../queries";

/** /companies/:companyId/admin/video-systems/:videoSystemId/activation — "Activate subscription on endpoint". */
export function ActivationPage() {
  const company = useScopedCompany();
  const { videoSystemId = "" } = useParams();
  const activation = useActivation(company.id, videoSystemId);
  const listPath = `/companies/${company.id}/admin/video-systems`;

  if (activation.isPending) return <PageLoader label="Loading the video system" />;
  if (activation.error) return <VideoSystemUnavailable error={activation.error} listPath={listPath} />;
  const data = activation.data;
  const system = data.videoSystem;
  return (
    <Stack gap="lg">
      <PageHeader
        title={`Activate ${system.name}`}
        crumbs={videoSystemCrumbs(company.id, system.id, system.name)}
        description={system.videoAddress}
        badge={<Badge color={STATUS_COLOURS[data.status]}>{statusText(data)}</Badge>}
      />
      <SectionCard title="Status">
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
          <Fact label="Subscription" value={statusText(data)} testId="activation-status" />
          <Fact label="Activated" value={formatDateTime(data.activatedAt)} />
          <Fact label="Last registered" value={formatDateTime(data.registeredAt)} />
        </SimpleGrid>
      </SectionCard>
      <ActivationCodeCard companyId={company.id} activation={data} />
      <ActivationInstructions activation={data} />
    </Stack>
  );
}

function Fact({ label, value, testId }: { label: string; value: string; testId?: string }) {
  return (
    <div>
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      <Text fw={500} data-testid={testId}>
        {value}
      </Text>
    </div>
  );
}
