import { Text, VisuallyHidden } from "@mantine/core";
import type { Usage } from "../api/types";
import { formatUsage, usageLabel } from "../lib/format";

/** "3 / 10" on screen, "3 of 10 used" to a screen reader; red when nothing is left. */
export function UsageText({ usage }: { usage: Usage }) {
  const full = usage.total > 0 && usage.used >= usage.total;
  return (
    <Text span inherit c={full ? "red.7" : undefined} fw={full ? 600 : undefined}>
      <span aria-hidden="true">{formatUsage(usage)}</span>
      <VisuallyHidden>{usageLabel(usage)}</VisuallyHidden>
    </Text>
  );
}
