import { Anchor, AppShell, Container, Group } from "@mantine/core";
import type { ReactNode } from "react";
import { Link, Outlet } from "react-router";
import { useSignedInMe } from "../../auth/queries";
import { AccountMenu } from "./AccountMenu";

/** Header with the service name and the account menu; pages render below it (route outlet by default). */
export function SignedInLayout({ children }: { children?: ReactNode }) {
  const me = useSignedInMe();
  return (
    <AppShell header={{ height: 60 }} padding="md">
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap" gap="sm">
          <Anchor component={Link} to="/" fw={700} fz="lg" underline="never" truncate="end" miw={0}>
            {me.service.name}
          </Anchor>
          <AccountMenu me={me} />
        </Group>
      </AppShell.Header>
      <AppShell.Main>
        <Container size="lg" px={0} py="md">
          {children ?? <Outlet />}
        </Container>
      </AppShell.Main>
    </AppShell>
  );
}
