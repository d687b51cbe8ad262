import { Anchor, Breadcrumbs, Group, Stack, Text, Title } from "@mantine/core";
import type { ReactNode } from "react";
import { Link } from "react-router";
import { usePageTitle } from "../lib/usePageTitle";

export interface Crumb {
  label: string;
  to: string;
}

interface PageHeaderProps {
  title: string;
  /** Where this page sits: links back up, the page itself is not repeated. */
  crumbs?: Crumb[];
  description?: ReactNode;
  /** Buttons beside the title (they wrap below it on narrow screens). */
  actions?: ReactNode;
  /** Shown after the title, e.g. a status badge. */
  badge?: ReactNode;
}

/** Breadcrumbs, the page's one h1 (also its browser tab title), a description and its main actions. */
export function PageHeader({ title, crumbs, description, actions, badge }: PageHeaderProps) {
  usePageTitle(title);
  return (
    <Stack gap="xs">
      {crumbs && crumbs.length > 0 && (
        <nav aria-label="Breadcrumb">
          <Breadcrumbs separator="›" style={{ flexWrap: "wrap" }}>
            {crumbs.map((crumb) => (
              <Anchor key={crumb.to} component={Link} to={crumb.to} size="sm">
                {crumb.label}
              </Anchor>
            ))}
          </Breadcrumbs>
        </nav>
      )}
      <Group justify="space-between" align="flex-start" gap="sm">
        <Group gap="sm" align="center" miw={0}>
          <Title order={1} style={{ overflowWrap: "anywhere" }}>
            {title}
          </Title>
          {badge}
        </Group>
        {actions && <Group gap="sm">{actions}</Group>}
      </Group>
      {description && <Text c="dimmed">{description}</Text>}
    </Stack>
  );
}
