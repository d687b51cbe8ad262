import { Group, UnstyledButton } from "@mantine/core";
import { Link, useLocation } from "react-router";

export interface SectionNavItem {
  label: string;
  to: string;
  /** Whether this item is the current section; by default the path or anything below it. */
  isCurrent?: (pathname: string) => boolean;
}

/**
 * The sub-pages of an area (operator, partner portal) as tab-like links. They are links, not
 * ARIA tabs: each one is its own address, so Back, reload and "open in new tab" work, and the
 * current one is announced with aria-current.
 */
export function SectionNav({ label, items }: { label: string; items: SectionNavItem[] }) {
  const { pathname } = useLocation();
  return (
    <nav aria-label={label} className="section-nav">
      <Group gap={0} wrap="nowrap" component="ul" m={0} p={0} style={{ listStyle: "none" }}>
        {items.map((item) => {
          const current = item.isCurrent
            ? item.isCurrent(pathname)
            : pathname === item.to || pathname.startsWith(`${item.to}/`);
          return (
            <li key={item.to}>
              <UnstyledButton
                component={Link}
                to={item.to}
                className="section-nav-link"
                aria-current={current ? "page" : undefined}
              >
                {item.label}
              </UnstyledButton>
            </li>
          );
        })}
      </Group>
    </nav>
  );
}
