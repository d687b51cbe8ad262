import { Badge, Button, CopyButton, Group, Stack, Table, Text, TextInput } from "@mantine/core";
import { useState } from "react";
import { isApiError } from "../../../api/client";
import { ConfirmModal } from "../../../components/ConfirmModal";
import { ErrorAlert } from "../../../components/ErrorAlert";
import { ListEmptyState } from "../../../components/ListEmptyState";
import { PageLoader } from "../../../components/PageLoader";
import { SectionCard } from "../../../components/SectionCard";
import { formatDateTime } from "../../../lib/formatDate";
import type { ScimToken } from "../api";
import { useRevokeScimToken, useScimTokens } from "../queries";
import { CreateScimTokenModal } from "./CreateScimTokenModal";

/**
 * "User provisioning (SCIM)" on the company Settings page: the base URL to paste into Entra ID
 * or Okta, the company's SCIM tokens (name, prefix, created, last used), creating one (shown
 * once) and revoking one (asked first).
 */
export function ScimSection({ companyId }: { companyId: string }) {
  const tokens = useScimTokens(companyId);
  const revoke = useRevokeScimToken(companyId);
  const [creating, setCreating] = useState(false);
  const [revoking, setRevoking] = useState<ScimToken | null>(null);
  const items = tokens.data?.items ?? [];

  const confirmRevoke = () => {
    if (!revoking) return;
    revoke.mutate(revoking.id, { onSuccess: () => setRevoking(null) });
  };

  return (
    <SectionCard
      title="User provisioning (SCIM)"
      description="Your identity provider (Entra ID, Okta…) creates, updates, suspends and removes members automatically."
      actions={
        items.length > 0 && (
          <Button variant="light" onClick={() => setCreating(true)}>
            Create SCIM token
          </Button>
        )
      }
    >
      {tokens.isPending ? (
        <PageLoader />
      ) : tokens.isError ? (
        <ErrorAlert title="SCIM tokens could not be loaded" message={tokens.error.message} />
      ) : (
        <Stack gap="md">
          <Group align="flex-end" gap="sm">
            <TextInput
              label="SCIM base URL"
              description="Paste it into your identity provider as the tenant URL."
              value={tokens.data.scimBaseUrl}
              readOnly
              style={{ flex: 1 }}
            />
            <CopyButton value={tokens.data.scimBaseUrl}>
              {({ copied, copy }) => (
                <Button variant="default" onClick={copy}>
                  {copied ? "Copied" : "Copy URL"}
                </Button>
              )}
            </CopyButton>
          </Group>
          {items.length === 0 ? (
            <ListEmptyState
              title="No SCIM tokens yet"
              description="With SCIM, people your identity provider assigns to Confero become members here (using a licence each), their changes follow, and people it removes or disables lose access. Create a token, then give it and the base URL to your identity provider."
              action={{ label: "Create SCIM token", onClick: () => setCreating(true) }}
            />
          ) : (
            <TokensTable items={items} onRevoke={setRevoking} />
          )}
        </Stack>
      )}
      <CreateScimTokenModal companyId={companyId} opened={creating} onClose={() => setCreating(false)} />
      <ConfirmModal
        opened={revoking !== null}
        title="Revoke SCIM token?"
        confirmLabel="Revoke token"
        loading={revoke.isPending}
        onConfirm={confirmRevoke}
        onCancel={() => {
          revoke.reset();
          setRevoking(null);
        }}
      >
        <Stack gap="xs">
          <Text>
            {revoking?.name} ({revoking?.prefix}…) stops working at once: the identity provider can no longer
            provision members. Members already provisioned stay.
          </Text>
          {revoke.isError && (
            <ErrorAlert
              title="The token was not revoked"
              message={isApiError(revoke.error) ? revoke.error.message : "Try again."}
            />
          )}
        </Stack>
      </ConfirmModal>
    </SectionCard>
  );
}

function TokensTable({ items, onRevoke }: { items: ScimToken[]; onRevoke: (token: ScimToken) => void }) {
  return (
    <Table.ScrollContainer minWidth={560}>
      <Table aria-label="SCIM tokens" verticalSpacing="xs">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Name</Table.Th>
            <Table.Th>Token</Table.Th>
            <Table.Th>Created</Table.Th>
            <Table.Th>Last used</Table.Th>
            <Table.Th>
              <span className="visually-hidden">Actions</span>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((token) => (
            <Table.Tr key={token.id}>
              <Table.Td>{token.name}</Table.Td>
              <Table.Td>
                <Text ff="monospace" size="sm">
                  {token.prefix}…
                </Text>
              </Table.Td>
              <Table.Td>{formatDateTime(token.createdAt)}</Table.Td>
              <Table.Td>{token.lastUsedAt ? formatDateTime(token.lastUsedAt) : "Never"}</Table.Td>
              <Table.Td>
                {token.revokedAt ? (
                  <Badge color="gray" variant="light">
                    Revoked {formatDateTime(token.revokedAt)}
                  </Badge>
                ) : (
                  <Button
                    size="xs"
                    variant="subtle"
                    color="red"
                    aria-label={`Revoke ${token.name}`}
                    onClick={() => onRevoke(token)}
                  >
                    Revoke
                  </Button>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
