import { Paper, Stack, Text, Title } from "@mantine/core";
import type { ReactNode } from "react";
import { usePageTitle } from "../lib/usePageTitle";

interface PlannedPageProps {
  title: string;
  /** The company or partner the page is about, when there is one. */
  subject?: string | null;
  children: ReactNode;
}

/**
 * A page whose features are still being built: it says so plainly and describes what will
 * appear, rather than showing empty tables that look broken.
 */
export function PlannedPage({ title, subject, children }: PlannedPageProps) {
  usePageTitle(title);
  return (
    <Stack gap="lg">
      <div>
        <Title order={1}>{title}</Title>
        {subject && (
          <Text c="dimmed" size="lg">
            {subject}
          </Text>
        )}
      </div>
      <Paper withBorder radius="md" p="lg" bg="var(--mantine-color-gray-0)">
        <Text>{children}</Text>
      </Paper>
    </Stack>
  );
}
