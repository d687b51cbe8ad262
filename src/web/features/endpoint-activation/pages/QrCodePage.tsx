import { Alert, Anchor, Button, Group, SegmentedControl, Stack, Text } from "@mantine/core";
import { useState } from "react";
import { useParams } from "react-router";
import { ConfirmModal } from "../../../components/ConfirmModal";
import { ErrorAlert } from "../../../components/ErrorAlert";
import { PageHeader } from "../../../components/PageHeader";
import { PageLoader } from "../../../components/PageLoader";
import { SectionCard } from "../../../components/SectionCard";
import { useScopedCompany } from "../../company/components/CompanyScope";
import { qrImageUrl } from "../api";
import { type QrLayout, QrSheet } from "../components/QrSheet";
import { VideoSystemUnavailable, videoSystemCrumbs } from "../components/VideoSystemUnavailable";
import { useConnectLink, useRotateConnectToken } from "../queries";

/** /companies/:companyId/admin/video-systems/:videoSystemId/qr — the printable MeetingConnect QR code. */
export function QrCodePage() {
  const company = useScopedCompany();
  const { videoSystemId = "" } = useParams();
  const link = useConnectLink(company.id, videoSystemId);
  const rotate = useRotateConnectToken(company.id, videoSystemId);
  const [layout, setLayout] = useState<QrLayout>("a4");
  const [confirming, setConfirming] = useState(false);
  const listPath = `/companies/${company.id}/admin/video-systems`;

  if (link.isPending) return <PageLoader label="Loading the video system" />;
  if (link.error) return <VideoSystemUnavailable error={link.error} listPath={listPath} />;
  const data = link.data;
  const system = data.videoSystem;
  const version = data.connectUrl.slice(-8);
  const image = (format: "png" | "svg", size?: number) =>
    qrImageUrl(company.id, system.id, format, { version, ...(size ? { size } : {}) });

  return (
    <Stack gap="lg">
      <PageHeader
        title={`QR code: ${system.name}`}
        crumbs={videoSystemCrumbs(company.id, system.id, system.name)}
        description="Print it and put it on the video system: people scan it to join a meeting from the system."
        actions={<Button onClick={() => window.print()}>Print</Button>}
      />
      <SectionCard title="Layout and downloads">
        <Stack gap="sm">
          <Group gap="md" wrap="wrap">
            <SegmentedControl
              aria-label="Paper layout"
              value={layout}
              onChange={(value) => setLayout(value as QrLayout)}
              data={[
                { value: "a4", label: "A4 page" },
                { value: "label", label: "Label (62 × 100 mm)" },
              ]}
            />
            <Anchor href={image("png", 1024)} download={`${system.name}-qr.png`}>
              Download PNG
            </Anchor>
            <Anchor href={image("svg")} download={`${system.name}-qr.svg`}>
              Download SVG
            </Anchor>
          </Group>
          <Text size="sm" c="dimmed" style={{ overflowWrap: "anywhere" }}>
            It opens <span data-testid="connect-url">{data.connectUrl}</span>
          </Text>
        </Stack>
      </SectionCard>
      <QrSheet link={data} layout={layout} imageUrl={image("png", layout === "label" ? 512 : 1024)} />
      <SectionCard
        title="Make a new QR code"
        description="If a printed code was lost or put on the wrong system: printed copies of the current code stop working."
      >
        <Stack gap="sm" align="flex-start">
          {rotate.isSuccess && (
            <Alert color="green" variant="light">
              New QR code made. Print it and replace the old one; the old one no longer works.
            </Alert>
          )}
          <ErrorAlert message={rotate.error?.message ?? null} />
          <Button color="red" variant="light" onClick={() => setConfirming(true)}>
            Make a new QR code
          </Button>
        </Stack>
      </SectionCard>
      <ConfirmModal
        opened={confirming}
        title="Make a new QR code?"
        confirmLabel="Make a new QR code"
        loading={rotate.isPending}
        onCancel={() => setConfirming(false)}
        onConfirm={() => rotate.mutate(undefined, { onSettled: () => setConfirming(false) })}
      >
        Printed copies of {system.name}'s current QR code stop working. You will need to print the new one.
      </ConfirmModal>
    </Stack>
  );
}
