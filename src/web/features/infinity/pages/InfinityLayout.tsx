import { Stack } from "@mantine/core";
import { Outlet } from "react-router";
import { SectionNav } from "../../../components/SectionNav";

/** Service operations › Pexip Infinity: its settings and this instance's policy requests. */
export function InfinityLayout() {
  return (
    <Stack gap="lg">
      <SectionNav
        label="Pexip Infinity"
        items={[
          {
            label: "Settings",
            to: "/operator/infinity",
            isCurrent: (pathname) => pathname.replace(/\/+$/, "") === "/operator/infinity",
          },
          { label: "Policy requests", to: "/operator/infinity/policy-requests" },
        ]}
      />
      <Outlet />
    </Stack>
  );
}
