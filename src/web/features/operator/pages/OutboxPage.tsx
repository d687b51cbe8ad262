import { Anchor, Group, Pagination, Paper, Stack, Text, Title } from "@mantine/core";
import { useState } from "react";
import { useSearchParams } from "react-router";
import { ErrorAlert } from "../../../components/ErrorAlert";
import { PageLoader } from "../../../components/PageLoader";
import { usePageTitle } from "../../../lib/usePageTitle";
import type { OutboxEmail } from "../api";
import { EmailModal } from "../components/EmailModal";
import { OutboxTable } from "../components/OutboxTable";
import { OUTBOX_PAGE_SIZE, useOutbox } from "../queries";

export function OutboxPage() {
  usePageTitle("Outbox");
  // The page number lives in the address so Back and reload keep the operator's place.
  const [searchParams, setSearchParams] = useSearchParams();
  const page = Math.max(1, Number.parseInt(searchParams.get("page") ?? "1", 10) || 1);
  const outbox = useOutbox(page);
  const [openEmail, setOpenEmail] = useState<OutboxEmail | null>(null);

  const goToPage = (next: number) => setSearchParams(next === 1 ? {} : { page: String(next) });
  const totalPages = outbox.data ? Math.max(1, Math.ceil(outbox.data.total / OUTBOX_PAGE_SIZE)) : 1;

  return (
    <Stack gap="lg">
      <div>
        <Title order={1}>Outbox</Title>
        <Text c="dimmed" mt="xs">
          Every email Confero sends, newest first. Without a mail server (SMTP_URL), emails are written to the
          server log and shown here as “Logged”: open one to follow its links.
        </Text>
      </div>
      {outbox.isPending && <PageLoader label="Loading emails" />}
      {outbox.error && <ErrorAlert title="Could not load the outbox" message={outbox.error.message} />}
      {outbox.data && outbox.data.items.length === 0 && (
        <Paper withBorder radius="md" p="xl" ta="center">
          {outbox.data.total === 0 ? (
            <Text c="dimmed">No emails yet.</Text>
          ) : (
            <Text c="dimmed">
              There are no emails on this page.{" "}
              <Anchor component="button" onClick={() => goToPage(1)}>
                Go to the first page
              </Anchor>
            </Text>
          )}
        </Paper>
      )}
      {outbox.data && outbox.data.items.length > 0 && (
        <Paper withBorder radius="md" p={0} style={{ opacity: outbox.isPlaceholderData ? 0.6 : 1 }}>
          <OutboxTable emails={outbox.data.items} onOpen={setOpenEmail} />
        </Paper>
      )}
      {outbox.data && outbox.data.total > 0 && (
        <Group justify="space-between" wrap="wrap">
          <Text size="sm" c="dimmed">
            {describeRange(page, outbox.data.items.length, outbox.data.total)}
          </Text>
          {totalPages > 1 && (
            <Pagination
              total={totalPages}
              value={Math.min(page, totalPages)}
              onChange={goToPage}
              aria-label="Outbox pages"
            />
          )}
        </Group>
      )}
      <EmailModal email={openEmail} onClose={() => setOpenEmail(null)} />
    </Stack>
  );
}

function describeRange(page: number, shown: number, total: number): string {
  const all = `${total} email${total === 1 ? "" : "s"}`;
  if (shown === 0 || total <= OUTBOX_PAGE_SIZE) return all;
  const first = (page - 1) * OUTBOX_PAGE_SIZE + 1;
  return `${first}–${first + shown - 1} of ${all}`;
}
