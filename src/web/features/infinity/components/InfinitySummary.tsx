import { Box, Button, CopyButton } from "@mantine/core";
import { SectionCard } from "../../../components/SectionCard";
import type { InfinitySettings } from "../api";

/** What the Infinity administrator configures, ready to paste into an email or ticket. */
export function InfinitySummary({ summary }: { summary: InfinitySettings["summary"] }) {
  return (
    <SectionCard
      title="For the Infinity administrator"
      description="Infinity's policy profile and event sink point at these addresses. Passwords are not shown: hand them over separately."
      actions={
        <CopyButton value={summary.text}>
          {({ copied, copy }) => (
            <Button size="xs" variant="light" onClick={copy} aria-live="polite">
              {copied ? "Copied" : "Copy summary"}
            </Button>
          )}
        </CopyButton>
      }
    >
      <Box
        component="pre"
        aria-label="Summary for the Infinity administrator"
        tabIndex={0}
        p="md"
        m={0}
        bg="var(--mantine-color-gray-0)"
        style={{
          whiteSpace: "pre-wrap",
          overflowWrap: "anywhere",
          fontFamily: "var(--mantine-font-family-monospace)",
          fontSize: "var(--mantine-font-size-sm)",
          borderRadius: "var(--mantine-radius-sm)",
        }}
      >
        {summary.text}
      </Box>
    </SectionCard>
  );
}
