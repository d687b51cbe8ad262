import { Stack } from "@mantine/core";
import { Outlet } from "react-router";
import { SectionNav } from "../../../components/SectionNav";
import { useScopedCompany } from "./CompanyScope";

/**
 * Company administration's frame: its sections as links above the current page.
 */
export function CompanyAdminLayout() {
  const company = useScopedCompany();
  const base = `/companies/${company.id}/admin`;
  return (
    <Stack gap="lg">
      <SectionNav
        label="Company administration"
        items={[
          {
            label: "Overview",
            to: base,
            isCurrent: (pathname) => pathname === base || pathname === `${base}/`,
          },
          { label: "Members", to: `${base}/members` },
          { label: "Team rooms", to: `${base}/team-rooms` },
          { label: "Video systems", to: `${base}/video-systems` },
          { label: "Audit log", to: `${base}/audit` },
        ]}
      />
      <Outlet context={company} />
    </Stack>
  );
}
