import { Stack } from "@mantine/core";
import { Outlet } from "react-router";
import { SectionNav } from "../../../components/SectionNav";

/** The operator area's frame: its sections as links above the current page. */
export function OperatorLayout() {
  return (
    <Stack gap="lg">
      <SectionNav
        label="Service operations"
        items={[
          { label: "Partners", to: "/operator/partners" },
          { label: "All companies", to: "/operator/companies" },
          { label: "Service settings", to: "/operator/settings" },
          { label: "Outbox", to: "/operator/outbox" },
        ]}
      />
      <Outlet />
    </Stack>
  );
}
