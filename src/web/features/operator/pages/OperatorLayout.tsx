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
          { label: "Usage", to: "/operator/usage" },
          { label: "Service settings", to: "/operator/settings" },
          { label: "Pexip Infinity", to: "/operator/infinity" },
          { label: "Outbox", to: "/operator/outbox" },
        ]}
      />
      <Outlet />
    </Stack>
  );
}
