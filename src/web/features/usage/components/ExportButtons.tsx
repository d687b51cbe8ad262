import { Button, Group } from "@mantine/core";
import type { UsageFormat } from "../api";

interface ExportButtonsProps {
  /** The file's address for each format; null while there is nothing valid to export. */
  href: (format: UsageFormat) => string | null;
  /** Said after "Export CSV" to screen readers, e.g. "of usage by user". */
  what: string;
}

/** "Export CSV" and "Export JSON": plain download links carrying the page's period and sort. */
export function ExportButtons({ href, what }: ExportButtonsProps) {
  return (
    <Group gap="xs">
      {(["csv", "json"] as const).map((format) => {
        const url = href(format);
        const label = `Export ${format.toUpperCase()}`;
        return url ? (
          <Button
            key={format}
            component="a"
            href={url}
            download
            variant="default"
            size="sm"
            aria-label={`${label} ${what}`}
          >
            {label}
          </Button>
        ) : (
          <Button key={format} variant="default" size="sm" disabled>
            {label}
          </Button>
        );
      })}
    </Group>
  );
}
