import { Alert, Button, CopyButton, Group, List, Stack, Text } from "@mantine/core";

interface RecoveryCodesPanelProps {
  codes: string[];
  /** What the person does once the codes are saved ("Done", "Continue"). */
  doneLabel: string;
  onDone: () => void;
}

/** Shown once, straight after the codes are made: copy or download them, then go on. */
export function RecoveryCodesPanel({ codes, doneLabel, onDone }: RecoveryCodesPanelProps) {
  const text = `${codes.join("\n")}\n`;
  const download = () => {
    const url = URL.createObjectURL(new Blob([text], { type: "text/plain" }));
    const link = document.createElement("a");
    link.href = url;
    link.download = "confero-recovery-codes.txt";
    link.click();
    URL.revokeObjectURL(url);
  };

  return (
    <Stack gap="md">
      <Alert color="yellow" variant="light" title="Save your recovery codes" role="status">
        <Text size="sm">
          Each code signs you in once if you lose your authenticator app. Keep them somewhere safe: they are
          not shown again.
        </Text>
      </Alert>
      <List aria-label="Recovery codes" listStyleType="none" spacing={4} ff="monospace" fz="lg">
        {codes.map((code) => (
          <List.Item key={code}>{code}</List.Item>
        ))}
      </List>
      <Group gap="sm">
        <CopyButton value={text}>
          {({ copied, copy }) => (
            <Button variant="light" onClick={copy}>
              {copied ? "Copied" : "Copy codes"}
            </Button>
          )}
        </CopyButton>
        <Button variant="light" onClick={download}>
          Download codes
        </Button>
        <Button onClick={onDone}>{doneLabel}</Button>
      </Group>
    </Stack>
  );
}
