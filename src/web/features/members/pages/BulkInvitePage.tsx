import { Alert, Button, Group, Loader, Stack, Text } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { useNavigate } from "react-router";
import type { BulkInvitePreview } from "../../../../domain/bulk-invite";
import { ErrorAlert } from "../../../components/ErrorAlert";
import { PageHeader } from "../../../components/PageHeader";
import { SectionCard } from "../../../components/SectionCard";
import { plural } from "../../../lib/format";
import { useScopedCompany } from "../../company/components/CompanyScope";
import { downloadBulkInviteProblems, previewBulkInvite } from "../api";
import { BulkInviteDropzone } from "../components/bulk/BulkInviteDropzone";
import { BulkInvitePreviewTable } from "../components/bulk/BulkInvitePreviewTable";
import { useBulkInvite } from "../queries";

const count = (n: number) => n.toLocaleString("en");

/**
 * /companies/:companyId/admin/members/bulk-invite — upload a CSV, see every row with its
 * problems, then "Yes, invite N users". The same file is sent again to invite, and the server
 * checks it again: if anything changed since the preview, nobody is invited and it says so.
 */
export function BulkInvitePage() {
  const company = useScopedCompany();
  const navigate = useNavigate();
  const membersPath = `/companies/${company.id}/admin/members`;
  const [file, setFile] = useState<File | null>(null);
  const preview = useMutation({ mutationFn: (chosen: File) => previewBulkInvite(company.id, chosen) });
  const problems = useMutation({
    mutationFn: (chosen: File) => downloadBulkInviteProblems(company.id, chosen),
  });
  const invite = useBulkInvite(company.id);

  const choose = (chosen: File) => {
    setFile(chosen);
    invite.reset();
    preview.mutate(chosen);
  };
  const startOver = () => {
    setFile(null);
    preview.reset();
    invite.reset();
  };
  const downloadProblems = () => {
    if (!file) return;
    problems.mutate(file, { onSuccess: (blob) => saveBlob(blob, "invite-problems.csv") });
  };
  const inviteAll = (validCount: number) => {
    if (!file) return;
    invite.mutate(
      { file, expected: validCount },
      {
        onSuccess: ({ invited, skipped }) => {
          notifications.show({
            color: "green",
            title: `${plural(invited, "person", "people")} invited`,
            message: `Their activation emails are on their way.${skipped > 0 ? ` ${plural(skipped, "row")} with problems ${skipped === 1 ? "was" : "were"} skipped.` : ""}`,
          });
          navigate(`${membersPath}/pending`);
        },
        // Something changed since the preview (licences, a taken address): show it afresh.
        onError: () => preview.mutate(file),
      },
    );
  };

  const result = preview.data;
  return (
    <Stack gap="lg">
      <PageHeader
        title="Bulk invite"
        crumbs={[
          { label: "Company administration", to: `/companies/${company.id}/admin` },
          { label: "Members", to: membersPath },
        ]}
        description={`Invite many people to ${company.name} from a CSV file. Everyone invited this way gets the role Member.`}
      />
      {!result || !file ? (
        <SectionCard
          title="Choose a file"
          description={`Licences left: ${count(Math.max(0, company.licences.total - company.licences.used))}. Each person invited uses one.`}
        >
          <BulkInviteDropzone onFile={choose} loading={preview.isPending} />
          <ErrorAlert title="The file could not be read" message={preview.error?.message ?? null} />
        </SectionCard>
      ) : (
        <SectionCard
          title={`Preview of ${file.name}`}
          actions={
            <Button variant="default" onClick={startOver} disabled={invite.isPending}>
              Choose another file
            </Button>
          }
        >
          <PreviewSummary preview={result} partnerName={company.partner.name} />
          <ErrorAlert title="Nobody was invited" message={invite.error?.message ?? null} />
          <ErrorAlert
            title="The problems could not be downloaded"
            message={problems.error?.message ?? null}
          />
          {result.fileProblems.length === 0 && (
            <Group gap="sm">
              <Button
                onClick={() => inviteAll(result.validCount)}
                loading={invite.isPending}
                disabled={result.validCount === 0 || result.licencesMissing > 0 || preview.isPending}
              >
                Yes, invite {plural(result.validCount, "user")}
              </Button>
              {result.invalidCount > 0 && (
                <Button variant="default" onClick={downloadProblems} loading={problems.isPending}>
                  Download rows with problems (CSV)
                </Button>
              )}
              {invite.isPending && (
                <Group gap="xs" role="status">
                  <Loader size="sm" />
                  <Text size="sm">Inviting {plural(result.validCount, "person", "people")}…</Text>
                </Group>
              )}
            </Group>
          )}
          {result.rows.length > 0 && (
            <BulkInvitePreviewTable
              key={file.name + result.rows.length}
              rows={result.rows}
              invalidCount={result.invalidCount}
            />
          )}
        </SectionCard>
      )}
    </Stack>
  );
}

function PreviewSummary({ preview, partnerName }: { preview: BulkInvitePreview; partnerName: string }) {
  if (preview.fileProblems.length > 0) {
    return (
      <Alert color="red" variant="light" title="This file cannot be used" role="alert">
        {preview.fileProblems.join(" ")}
      </Alert>
    );
  }
  return (
    <Stack gap="xs" aria-live="polite">
      <Text fw={500}>
        {count(preview.validCount)} of {plural(preview.rows.length, "row")} can be invited.
        {preview.invalidCount > 0 &&
          ` ${plural(preview.invalidCount, "row")} ${preview.invalidCount === 1 ? "has" : "have"} problems and will be skipped.`}
      </Text>
      <Text size="sm" c="dimmed">
        Licences left: {count(preview.licencesRemaining)}.
      </Text>
      {preview.licencesMissing > 0 && (
        <Alert color="red" variant="light" title="Not enough licences" role="alert">
          Inviting {plural(preview.validCount, "person", "people")} needs {count(preview.licencesMissing)}{" "}
          more {preview.licencesMissing === 1 ? "licence" : "licences"} than the{" "}
          {count(preview.licencesRemaining)} left. Remove rows from the file, or ask {partnerName} for more
          licences.
        </Alert>
      )}
      {preview.validCount === 0 && (
        <Alert color="orange" variant="light" title="Nobody to invite">
          No row of this file can be invited. Fix the rows with problems and upload the file again.
        </Alert>
      )}
    </Stack>
  );
}

function saveBlob(blob: Blob, filename: string) {
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = filename;
  link.click();
  URL.revokeObjectURL(url);
}
