import { Button, Group, Paper, Stack, Text } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useMemo, useState } from "react";
import { Link } from "react-router";
import type { PendingInvitation } from "../../../api/types";
import { ErrorAlert } from "../../../components/ErrorAlert";
import { ListEmptyState } from "../../../components/ListEmptyState";
import { ListFooter } from "../../../components/ListFooter";
import { PageHeader } from "../../../components/PageHeader";
import { PageLoader } from "../../../components/PageLoader";
import { plural } from "../../../lib/format";
import { useListSearchParams } from "../../../lib/useListSearchParams";
import { useScopedCompany } from "../../company/components/CompanyScope";
import { PendingInvitesTable } from "../components/PendingInvitesTable";
import { RevokeInvitationsModal } from "../components/RevokeInvitationsModal";
import { INVITATIONS_PAGE_SIZE, usePendingInvitations, useResendInvitations } from "../queries";

/** /companies/:companyId/admin/members/pending — invitations not yet accepted: resend or revoke. */
export function PendingInvitesPage() {
  const company = useScopedCompany();
  const list = useListSearchParams();
  const invitations = usePendingInvitations(company.id, list.page);
  const resend = useResendInvitations(company.id);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [revoking, setRevoking] = useState(false);
  const membersPath = `/companies/${company.id}/admin/members`;

  const items = invitations.data?.items;
  const ticked = useMemo<PendingInvitation[]>(
    () => (items ?? []).filter((item) => selected.has(item.memberId)),
    [items, selected],
  );

  const resendTicked = () =>
    resend.mutate(
      ticked.map((item) => item.memberId),
      {
        onSuccess: ({ resent }) => {
          setSelected(new Set());
          notifications.show({
            color: "green",
            title: "Invitations resent",
            message: `${plural(resent, "invitation")} resent. The new links are valid for 30 days; earlier links no longer work.`,
          });
        },
      },
    );

  return (
    <Stack gap="lg">
      <PageHeader
        title="Pending invites"
        crumbs={[
          { label: "Company administration", to: `/companies/${company.id}/admin` },
          { label: "Members", to: membersPath },
        ]}
        description={`People invited to ${company.name} who have not activated their account yet.`}
      />
      <Group gap="sm">
        <Button disabled={ticked.length === 0} loading={resend.isPending} onClick={resendTicked}>
          Resend invitations
        </Button>
        <Button color="red" variant="light" disabled={ticked.length === 0} onClick={() => setRevoking(true)}>
          Revoke invitation
        </Button>
        <Text size="sm" c="dimmed" aria-live="polite">
          {ticked.length > 0 ? `${ticked.length} selected` : "Tick invitations to resend or revoke them."}
        </Text>
      </Group>
      <ErrorAlert title="The invitations were not resent" message={resend.error?.message ?? null} />

      {invitations.isPending && <PageLoader label="Loading pending invites" />}
      {invitations.error && (
        <ErrorAlert title="Could not load the pending invites" message={invitations.error.message} />
      )}
      {invitations.data &&
        invitations.data.items.length === 0 &&
        (invitations.data.total > 0 ? (
          <ListEmptyState
            title="No invitations on this page"
            action={{ label: "Go to the first page", onClick: () => list.update({ page: 1 }) }}
          />
        ) : (
          <ListEmptyState
            title="No pending invites"
            description="Everyone you invited has activated their account."
            action={
              <Button component={Link} to={membersPath} variant="light">
                Back to members
              </Button>
            }
          />
        ))}
      {invitations.data && invitations.data.items.length > 0 && (
        <Paper withBorder radius="md" p={0} style={{ opacity: invitations.isPlaceholderData ? 0.6 : 1 }}>
          <PendingInvitesTable
            invitations={invitations.data.items}
            selected={selected}
            onSelectedChange={setSelected}
            memberPath={(memberId) => `${membersPath}/${memberId}`}
          />
        </Paper>
      )}
      {invitations.data && (
        <ListFooter
          page={list.page}
          pageSize={INVITATIONS_PAGE_SIZE}
          shown={invitations.data.items.length}
          total={invitations.data.total}
          noun={["invitation", "invitations"]}
          onPageChange={(page) => {
            setSelected(new Set());
            list.update({ page });
          }}
        />
      )}
      <RevokeInvitationsModal
        companyId={company.id}
        invitations={ticked}
        opened={revoking && ticked.length > 0}
        onClose={() => setRevoking(false)}
        onRevoked={() => {
          setSelected(new Set());
          setRevoking(false);
        }}
      />
    </Stack>
  );
}
