import { Anchor, Group, Stack, Text } from "@mantine/core";
import { Dropzone, type FileRejection } from "@mantine/dropzone";
import { useState } from "react";
import { BULK_INVITE_MAX_BYTES } from "../../../../../domain/bulk-invite";

interface BulkInviteDropzoneProps {
  onFile: (file: File) => void;
  loading: boolean;
}

const MAX_MB = BULK_INVITE_MAX_BYTES / 1024 / 1024;

/**
 * Choose or drop one `.csv` file. The browser only checks the size and that it is one file; the
 * server reads the content and says what is wrong with it (encoding, separators, rows).
 */
export function BulkInviteDropzone({ onFile, loading }: BulkInviteDropzoneProps) {
  const [rejection, setRejection] = useState<string | null>(null);
  const reject = (rejections: FileRejection[]) => {
    const [first] = rejections;
    const tooLarge = first?.errors.some((e) => e.code === "file-too-large");
    setRejection(
      tooLarge
        ? `${first?.file.name} is larger than ${MAX_MB} MB. Split it into smaller files.`
        : "Choose one .csv file.",
    );
  };
  return (
    <Stack gap="xs">
      <Dropzone
        onDrop={(files) => {
          setRejection(null);
          const [file] = files;
          if (file) onFile(file);
        }}
        onReject={reject}
        maxFiles={1}
        multiple={false}
        maxSize={BULK_INVITE_MAX_BYTES}
        loading={loading}
        // Spreadsheets save CSV under several types (text/csv, application/vnd.ms-excel, none).
        accept={{
          "text/csv": [".csv"],
          "application/vnd.ms-excel": [".csv"],
          "text/plain": [".csv", ".txt"],
        }}
        aria-label="Upload a CSV file of people to invite"
        aria-describedby="bulk-dropzone-help"
      >
        <Group justify="center" mih={140} style={{ pointerEvents: "none" }}>
          <Stack gap={4} align="center">
            <Text size="lg" fw={500}>
              Drag a .csv file here or click to choose one
            </Text>
            <Text size="sm" c="dimmed" id="bulk-dropzone-help" ta="center">
              One person per line: Full name;email;video address — separated by semicolons. At most 20,000
              people and {MAX_MB} MB.
            </Text>
          </Stack>
        </Group>
      </Dropzone>
      {rejection && (
        <Text c="red.7" size="sm" role="alert">
          {rejection}
        </Text>
      )}
      <Text size="sm">
        <Anchor href="/User-Import-Example.csv" download="User-Import-Example.csv">
          Download an example file (User-Import-Example.csv)
        </Anchor>
        . The video address may be just the name part; your company's domain is then added.
      </Text>
    </Stack>
  );
}
