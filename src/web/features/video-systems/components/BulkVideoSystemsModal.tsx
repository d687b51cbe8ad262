import { Alert, Button, FileInput, Group, List, Modal, Stack, Table, Text } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useState } from "react";
import { VIDEO_SYSTEM_CSV_HEADER } from "../../../../domain/video-systems-csv";
import type { VideoSystemBulkPreview } from "../../../api/types";
import { ErrorAlert } from "../../../components/ErrorAlert";
import { useBulkCreateVideoSystems, usePreviewBulkVideoSystems } from "../queries";

interface BulkVideoSystemsModalProps {
  companyId: string;
  opened: boolean;
  onClose: () => void;
}

const PREVIEW_ROWS = 200;
const wrap = { overflowWrap: "anywhere" } as const;

/**
 * "Bulk create (CSV)": choose a file, see every row with its problems, then "Yes, create N video
 * systems" — the valid rows in one go, or nothing when the subscriptions do not suffice.
 */
export function BulkVideoSystemsModal({ companyId, opened, onClose }: BulkVideoSystemsModalProps) {
  const [file, setFile] = useState<File | null>(null);
  const preview = usePreviewBulkVideoSystems(companyId);
  const create = useBulkCreateVideoSystems(companyId);
  const data: VideoSystemBulkPreview | undefined = preview.data;

  const close = () => {
    setFile(null);
    preview.reset();
    create.reset();
    onClose();
  };
  const choose = (chosen: File | null) => {
    setFile(chosen);
    create.reset();
    if (chosen) preview.mutate(chosen);
    else preview.reset();
  };
  const confirm = () => {
    if (!file || !data) return;
    create.mutate(
      { file, expected: data.validCount },
      {
        onSuccess: (result) => {
          notifications.show({
            color: "green",
            title: "Video systems created",
            message: `${result.created} created${result.skipped ? `, ${result.skipped} rows skipped` : ""}.`,
          });
          close();
        },
      },
    );
  };
  const canCreate = data !== undefined && data.validCount > 0 && data.subscriptionsMissing === 0;

  return (
    <Modal
      opened={opened}
      onClose={close}
      title="Bulk create video systems (CSV)"
      size="xl"
      closeButtonProps={{ "aria-label": "Close" }}
    >
      <Stack gap="md">
        <Text size="sm">
          A comma-separated file with the header <code>{VIDEO_SYSTEM_CSV_HEADER}</code>, one video system per
          row, at most 5,000. Only endpoints without a subscription.
        </Text>
        <FileInput
          label="CSV file"
          placeholder="Choose a .csv file"
          accept=".csv,text/csv"
          value={file}
          onChange={choose}
          clearable
        />
        {preview.isPending && <Text size="sm">Reading the file…</Text>}
        <ErrorAlert title="The file could not be read" message={preview.error?.message ?? null} />
        {data && data.fileProblems.length > 0 && (
          <Alert color="red" title="This file cannot be used">
            {data.fileProblems.join(" ")}
          </Alert>
        )}
        {data && data.rows.length > 0 && (
          <>
            <Text fw={500} aria-live="polite">
              {data.validCount} of {data.rows.length} rows can be created; {data.invalidCount} have problems.{" "}
              {data.subscriptionsRemaining} endpoint subscriptions left.
            </Text>
            {data.subscriptionsMissing > 0 && (
              <Alert color="red" title="Not enough endpoint subscriptions">
                {data.subscriptionsMissing} more are needed. Raise the company's endpoint subscriptions or
                remove rows.
              </Alert>
            )}
            <Table.ScrollContainer minWidth={640} mah={360}>
              <Table verticalSpacing="xs" striped>
                <caption className="visually-hidden">Rows of the file</caption>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>Line</Table.Th>
                    <Table.Th>Display name</Table.Th>
                    <Table.Th>Video address</Table.Th>
                    <Table.Th>Serial number</Table.Th>
                    <Table.Th>Problems</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {data.rows.slice(0, PREVIEW_ROWS).map((row) => (
                    <Table.Tr key={row.line}>
                      <Table.Td>{row.line}</Table.Td>
                      <Table.Td style={wrap}>{row.displayName}</Table.Td>
                      <Table.Td style={wrap}>
                        {row.videoAddress || `${row.username}@${row.videoDomain}`}
                      </Table.Td>
                      <Table.Td style={wrap}>{row.serialNumber ?? ""}</Table.Td>
                      <Table.Td>
                        {row.problems.length === 0 ? (
                          <Text size="sm" c="green.8">
                            OK
                          </Text>
                        ) : (
                          <List size="sm" c="red.8">
                            {row.problems.map((p) => (
                              <List.Item key={`${p.field}-${p.rule}`}>{p.message}</List.Item>
                            ))}
                          </List>
                        )}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
            {data.rows.length > PREVIEW_ROWS && (
              <Text size="sm" c="dimmed">
                The first {PREVIEW_ROWS} of {data.rows.length} rows are shown.
              </Text>
            )}
          </>
        )}
        <ErrorAlert title="Nothing was created" message={create.error?.message ?? null} />
        <Group justify="flex-end">
          <Button variant="default" onClick={close}>
            Cancel
          </Button>
          {canCreate && (
            <Button onClick={confirm} loading={create.isPending}>
              {`Yes, create ${data.validCount} video system${data.validCount === 1 ? "" : "s"}`}
            </Button>
          )}
        </Group>
      </Stack>
    </Modal>
  );
}
