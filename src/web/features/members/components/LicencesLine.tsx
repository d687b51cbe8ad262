import { Text } from "@mantine/core";
import type { Licences } from "../../../api/types";

/** "Licences: 12 of 25 used (13 left)", red when none are left. */
export function LicencesLine({ licences }: { licences: Licences | null }) {
  if (!licences) return null;
  const full = licences.remaining <= 0;
  return (
    <Text fw={500} c={full ? "red.7" : undefined} aria-live="polite">
      Licences: {licences.used} of {licences.total} used ({licences.remaining} left)
    </Text>
  );
}
