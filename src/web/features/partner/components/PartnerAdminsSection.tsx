import { Badge, Button, Group, Paper, Stack, Table, Text, Title } from "@mantine/core";
import { useState } from "react";
import type { PartnerAdmin } from "../../../api/types";
import { ErrorAlert } from "../../../components/ErrorAlert";
import { ListEmptyState } from "../../../components/ListEmptyState";
import { ListFooter } from "../../../components/ListFooter";
import { PageHeader } from "../../../components/PageHeader";
import { PageLoader } from "../../../components/PageLoader";
import { formatDateTime } from "../../../lib/formatDate";
import { PARTNER_ADMINS_PAGE_SIZE, usePartnerAdmins } from "../queries";
import { InvitePartnerAdminModal } from "./InvitePartnerAdminModal";

interface PartnerAdminsSectionProps {
  partnerId: string;
  partnerName: string;
  /** The partner portal's "Partner admins" page is this list alone, so the heading is its h1. */
  asPage?: boolean;
}

/** The people who look after a partner's customers, and the way to invite another. */
export function PartnerAdminsSection({ partnerId, partnerName, asPage = false }: PartnerAdminsSectionProps) {
  const [page, setPage] = useState(1);
  const [inviting, setInviting] = useState(false);
  const admins = usePartnerAdmins(partnerId, { page, pageSize: PARTNER_ADMINS_PAGE_SIZE });
  const inviteButton = <Button onClick={() => setInviting(true)}>Invite partner admin</Button>;

  return (
    <Stack gap="md" component="section" aria-labelledby={asPage ? undefined : "partner-admins-heading"}>
      {asPage ? (
        <PageHeader
          title="Partner admins"
          description={`The people who look after the customer companies of ${partnerName}.`}
          actions={inviteButton}
        />
      ) : (
        <Group justify="space-between" align="center">
          <Title order={2} size="h3" id="partner-admins-heading">
            Partner admins
          </Title>
          {inviteButton}
        </Group>
      )}
      {admins.isPending && <PageLoader label="Loading partner admins" />}
      {admins.error && (
        <ErrorAlert title="Could not load the partner admins" message={admins.error.message} />
      )}
      {admins.data && admins.data.items.length === 0 && (
        <ListEmptyState
          title="No partner admins yet"
          description={`Invite someone to look after the customer companies of ${partnerName}.`}
          action={{ label: "Invite partner admin", onClick: () => setInviting(true) }}
        />
      )}
      {admins.data && admins.data.items.length > 0 && (
        <Paper withBorder radius="md" p={0}>
          <PartnerAdminsTable admins={admins.data.items} />
        </Paper>
      )}
      {admins.data && (
        <ListFooter
          page={page}
          pageSize={PARTNER_ADMINS_PAGE_SIZE}
          shown={admins.data.items.length}
          total={admins.data.total}
          noun={["partner admin", "partner admins"]}
          onPageChange={setPage}
        />
      )}
      <InvitePartnerAdminModal
        partnerId={partnerId}
        partnerName={partnerName}
        opened={inviting}
        onClose={() => setInviting(false)}
      />
    </Stack>
  );
}

function PartnerAdminsTable({ admins }: { admins: PartnerAdmin[] }) {
  return (
    <Table.ScrollContainer minWidth={560}>
      <Table verticalSpacing="sm">
        <caption className="visually-hidden">Partner admins</caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Name</Table.Th>
            <Table.Th>Email</Table.Th>
            <Table.Th>Status</Table.Th>
            <Table.Th>Added</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {admins.map((admin) => (
            <Table.Tr key={admin.id}>
              <Table.Td fw={500}>{admin.fullName}</Table.Td>
              <Table.Td style={{ overflowWrap: "anywhere" }}>{admin.email}</Table.Td>
              <Table.Td>
                {admin.status === "active" ? (
                  <Badge color="green" variant="light">
                    Active
                  </Badge>
                ) : (
                  <Badge color="yellow" variant="light">
                    Invited
                  </Badge>
                )}
              </Table.Td>
              <Table.Td>
                <Text size="sm">{formatDateTime(admin.createdAt)}</Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
