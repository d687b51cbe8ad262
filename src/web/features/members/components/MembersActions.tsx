import { Button, Menu } from "@mantine/core";
import { Link } from "react-router";

interface MembersActionsProps {
  pendingPath: string;
  bulkInvitePath: string;
  onInviteOne: () => void;
  onSetHostPins: () => void;
}

/** The Members tab's main actions: "Invite people" and "More actions" menus. */
export function MembersActions({
  pendingPath,
  bulkInvitePath,
  onInviteOne,
  onSetHostPins,
}: MembersActionsProps) {
  return (
    <>
      <Menu position="bottom-end" withinPortal>
        <Menu.Target>
          <Button rightSection={<span aria-hidden="true">▾</span>}>Invite people</Button>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Item onClick={onInviteOne}>Invite one person</Menu.Item>
          <Menu.Item component={Link} to={bulkInvitePath}>
            Bulk invite (CSV)
          </Menu.Item>
          <Menu.Item component={Link} to={pendingPath}>
            See pending invites
          </Menu.Item>
        </Menu.Dropdown>
      </Menu>
      <Menu position="bottom-end" withinPortal>
        <Menu.Target>
          <Button variant="default" rightSection={<span aria-hidden="true">▾</span>}>
            More actions
          </Button>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Item onClick={onSetHostPins}>Set host PIN on all personal VMRs</Menu.Item>
        </Menu.Dropdown>
      </Menu>
    </>
  );
}
