import { Stack } from "@mantine/core";
import { Outlet } from "react-router";
import { SectionNav } from "../../../components/SectionNav";

/** Service operations › Pexip Infinity: its settings, this instance's policy requests, the event sink. */
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
          { label: "Event sink", to: "/operator/infinity/event-sink" },
        ]}
      />
      <Outlet />
    </Stack>
  );
}
