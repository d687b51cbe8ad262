import { Anchor, Group } from "@mantine/core";
import { Link } from "react-router";
import { videoSystemLinks } from "../status";

/** "Activate subscription on endpoint" (always shown, also when active) and "Print QR code". */
export function VideoSystemLinks({ companyId, id, name }: { companyId: string; id: string; name: string }) {
  const links = videoSystemLinks(companyId, id);
  return (
    <Group gap="md" wrap="wrap">
      <Anchor
        component={Link}
        to={links.activation}
        aria-label={`Activate subscription on endpoint: ${name}`}
      >
        Activate subscription on endpoint
      </Anchor>
      <Anchor component={Link} to={links.qr} aria-label={`Print QR code: ${name}`}>
        Print QR code
      </Anchor>
    </Group>
  );
}
