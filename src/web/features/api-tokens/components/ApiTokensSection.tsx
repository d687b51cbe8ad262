import { Button, Code, Stack, Text } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useState } from "react";
import { ConfirmModal } from "../../../components/ConfirmModal";
import { ErrorAlert } from "../../../components/ErrorAlert";
import { ListEmptyState } from "../../../components/ListEmptyState";
import { ListFooter } from "../../../components/ListFooter";
import { PageLoader } from "../../../components/PageLoader";
import { SectionCard } from "../../../components/SectionCard";
import { useSignedInMe } from "../../auth/queries";
import type { ApiToken } from "../api";
import { API_TOKENS_PAGE_SIZE, useApiTokens, useRevokeApiToken } from "../queries";
import { ApiTokensTable } from "./ApiTokensTable";
import { CreateApiTokenModal } from "./CreateApiTokenModal";

/** "API tokens" on My profile, for company admins and partner admins (nothing for anyone else). */
export function ApiTokensSection() {
  const me = useSignedInMe();
  const mayOwn = me.kind === "partner_admin" || (me.kind === "member" && me.role === "admin");
  return mayOwn ? <ApiTokens /> : null;
}

function ApiTokens() {
  const [page, setPage] = useState(1);
  const tokens = useApiTokens(page);
  const revoke = useRevokeApiToken();
  const [creating, setCreating] = useState(false);
  const [revoking, setRevoking] = useState<ApiToken | null>(null);

  const confirmRevoke = () => {
    if (!revoking) return;
    revoke.mutate(revoking.id, {
      onSuccess: (token) => {
        notifications.show({
          color: "green",
          title: "Token revoked",
          message: `${token.name} no longer works.`,
        });
        setRevoking(null);
      },
    });
  };
  const cancelRevoke = () => {
    setRevoking(null);
    revoke.reset();
  };

  return (
    <SectionCard
      title="API tokens"
      description={
        <>
          For scripts and integrations: send a token as <Code>Authorization: Bearer …</Code> to the Confero
          API (documented at <a href="/api/docs">/api/docs</a>). A token acts as you, with your role.
        </>
      }
      actions={<Button onClick={() => setCreating(true)}>Create token</Button>}
    >
      {tokens.isPending && <PageLoader label="Loading your API tokens" />}
      {tokens.error && <ErrorAlert title="Could not load your API tokens" message={tokens.error.message} />}
      {tokens.data &&
        (tokens.data.total === 0 ? (
          <ListEmptyState
            title="No API tokens yet"
            description="Create one for each script or integration, so you can revoke them one by one."
            action={{ label: "Create token", onClick: () => setCreating(true) }}
          />
        ) : (
          <Stack gap="sm">
            <ApiTokensTable tokens={tokens.data.items} onRevoke={setRevoking} />
            <ListFooter
              page={page}
              pageSize={API_TOKENS_PAGE_SIZE}
              shown={tokens.data.items.length}
              total={tokens.data.total}
              noun={["token", "tokens"]}
              onPageChange={setPage}
            />
          </Stack>
        ))}
      <CreateApiTokenModal opened={creating} onClose={() => setCreating(false)} />
      <ConfirmModal
        opened={revoking !== null}
        title="Revoke this API token?"
        confirmLabel="Revoke token"
        onConfirm={confirmRevoke}
        onCancel={cancelRevoke}
        loading={revoke.isPending}
      >
        <Stack gap="sm">
          <Text>
            <strong>{revoking?.name}</strong> ({revoking?.prefix}…) stops working at once: scripts using it
            get “401 Unauthorized”. This cannot be undone.
          </Text>
          <ErrorAlert message={revoke.error?.message ?? null} />
        </Stack>
      </ConfirmModal>
    </SectionCard>
  );
}
