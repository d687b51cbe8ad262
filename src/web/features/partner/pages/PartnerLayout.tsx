import { Stack } from "@mantine/core";
import { Outlet } from "react-router";
import { SectionNav } from "../../../components/SectionNav";

const isCompaniesSection = (pathname: string) =>
  pathname === "/partner" || pathname.startsWith("/partner/companies");

/** The partner portal's frame: its sections as links above the current page. */
export function PartnerLayout() {
  return (
    <Stack gap="lg">
      <SectionNav
        label="Partner portal"
        items={[
          { label: "Customer companies", to: "/partner", isCurrent: isCompaniesSection },
          { label: "Partner admins", to: "/partner/admins" },
          { label: "Usage", to: "/partner/usage" },
        ]}
      />
      <Outlet />
    </Stack>
  );
}
