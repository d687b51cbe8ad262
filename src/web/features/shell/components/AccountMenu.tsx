import { Button, Menu, Text } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { Link } from "react-router";
import type { Me } from "../../auth/api";
import { useLogout } from "../../auth/queries";
import { myAccountDestination, roleDestinations } from "../destinations";

export function AccountMenu({ me }: { me: Me }) {
  const logout = useLogout();
  const destinations = roleDestinations(me);

  const signOut = () => {
    logout.mutate(undefined, {
      onError: (error) =>
        notifications.show({ color: "red", title: "Could not sign out", message: error.message }),
    });
  };

  return (
    <Menu position="bottom-end" width={240} shadow="md" withinPortal>
      <Menu.Target>
        <Button
          variant="subtle"
          aria-label="Account menu"
          rightSection={<span aria-hidden="true">▾</span>}
          loading={logout.isPending}
          maw={{ base: 180, sm: 320 }}
        >
          <Text span inherit truncate="end">
            {me.fullName}
          </Text>
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>
          <Text size="xs" truncate="end">
            {me.email}
          </Text>
        </Menu.Label>
        {destinations.map((destination) => (
          <Menu.Item key={destination.to} component={Link} to={destination.to}>
            {destination.label}
          </Menu.Item>
        ))}
        {destinations.length > 0 && <Menu.Divider />}
        <Menu.Item component={Link} to={myAccountDestination.to}>
          {myAccountDestination.label}
        </Menu.Item>
        <Menu.Item onClick={signOut}>Sign out</Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
