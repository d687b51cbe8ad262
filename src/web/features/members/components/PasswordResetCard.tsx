import { Anchor, Button, Text } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { Link } from "react-router";
import type { Member } from "../../../api/types";
import { ErrorAlert } from "../../../components/ErrorAlert";
import { SectionCard } from "../../../components/SectionCard";
import { formatDateTime } from "../../../lib/formatDate";
import { useSendPasswordReset } from "../queries";

interface PasswordResetCardProps {
  companyId: string;
  member: Member;
  pendingPath: string;
}

/** Sends an active member a password reset email; an invited one needs their invitation instead. */
export function PasswordResetCard({ companyId, member, pendingPath }: PasswordResetCardProps) {
  const reset = useSendPasswordReset(companyId, member.id);
  if (member.status === "invited") {
    return (
      <SectionCard title="Password">
        <Text>
          Invitation pending — resend it from{" "}
          <Anchor component={Link} to={pendingPath}>
            Pending invites
          </Anchor>
          .
        </Text>
        {member.invitation && (
          <Text size="sm" c="dimmed">
            Invited {formatDateTime(member.invitation.invitedAt)}
            {member.invitation.invitedBy ? ` by ${member.invitation.invitedBy}` : ""}; the link expires{" "}
            {formatDateTime(member.invitation.expiresAt)}.
          </Text>
        )}
      </SectionCard>
    );
  }
  const send = () =>
    reset.mutate(undefined, {
      onSuccess: () =>
        notifications.show({
          color: "green",
          title: "Password reset sent",
          message: `A password reset email was sent to ${member.email}.`,
        }),
    });
  return (
    <SectionCard
      title="Password"
      description="The member gets an email with a link to choose a new password."
    >
      <ErrorAlert title="The email was not sent" message={reset.error?.message ?? null} />
      <div>
        <Button variant="default" onClick={send} loading={reset.isPending}>
          Send password reset
        </Button>
      </div>
    </SectionCard>
  );
}
