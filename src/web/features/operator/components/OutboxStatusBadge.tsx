import { Badge, Tooltip } from "@mantine/core";
import type { OutboxStatus } from "../api";

const LOOK: Record<OutboxStatus, { color: string; label: string; hint: string }> = {
  pending: { color: "yellow", label: "Pending", hint: "Waiting to be delivered." },
  sent: { color: "green", label: "Sent", hint: "Handed to the mail server." },
  failed: { color: "red", label: "Failed", hint: "Delivery gave up after several attempts." },
  logged: {
    color: "gray",
    label: "Logged",
    hint: "No mail server is configured: the email was written to the server log instead.",
  },
};

export function OutboxStatusBadge({ status }: { status: OutboxStatus }) {
  const look = LOOK[status] ?? { color: "gray", label: status, hint: "" };
  return (
    <Tooltip label={look.hint} disabled={!look.hint} withArrow multiline w={220}>
      <Badge color={look.color} variant="light">
        {look.label}
      </Badge>
    </Tooltip>
  );
}
