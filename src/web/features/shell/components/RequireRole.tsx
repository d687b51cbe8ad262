import { Button, Stack, Text, Title } from "@mantine/core";
import type { ReactNode } from "react";
import { Link, Outlet } from "react-router";
import { usePageTitle } from "../../../lib/usePageTitle";
import type { Me } from "../../auth/api";
import { useSignedInMe } from "../../auth/queries";

interface RequireRoleProps {
  allowed: (me: Me) => boolean;
  /** The page to guard; without it, the nested routes (a layout route). */
  children?: ReactNode;
}

/** Shows a plain "no access" state instead of a page the user's role cannot use. */
export function RequireRole({ allowed, children }: RequireRoleProps) {
  const me = useSignedInMe();
  if (!allowed(me)) return <NoAccess />;
  return children ?? <Outlet />;
}

function NoAccess() {
  usePageTitle("No access");
  return (
    <Stack gap="sm" align="flex-start">
      <Title order={1}>You don't have access to this page</Title>
      <Text c="dimmed">
        This page is for another role. If you think you should see it, ask your administrator.
      </Text>
      <Button component={Link} to="/" variant="light">
        Go to the home page
      </Button>
    </Stack>
  );
}
