import { Badge, Button, Code, Table, Text } from "@mantine/core";
import { formatDateTime } from "../../../lib/formatDate";
import type { ApiToken } from "../api";

interface ApiTokensTableProps {
  tokens: ApiToken[];
  onRevoke: (token: ApiToken) => void;
}

const STATUS = {
  active: { label: "Active", color: "green" },
  expired: { label: "Expired", color: "gray" },
  revoked: { label: "Revoked", color: "red" },
} as const;

/** The account's tokens: what each is, when it was last used, and a Revoke button while it works. */
export function ApiTokensTable({ tokens, onRevoke }: ApiTokensTableProps) {
  return (
    <Table.ScrollContainer minWidth={860}>
      <Table verticalSpacing="sm">
        <caption className="visually-hidden">Your API tokens</caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Name</Table.Th>
            <Table.Th>Scope</Table.Th>
            <Table.Th>Token</Table.Th>
            <Table.Th>Created</Table.Th>
            <Table.Th>Expires</Table.Th>
            <Table.Th>Last used</Table.Th>
            <Table.Th>Status</Table.Th>
            <Table.Th>
              <span className="visually-hidden">Actions</span>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {tokens.map((token) => (
            <Table.Tr key={token.id}>
              <Table.Td style={{ overflowWrap: "anywhere" }} fw={500}>
                {token.name}
              </Table.Td>
              <Table.Td>{token.scope === "write" ? "Read and write" : "Read only"}</Table.Td>
              <Table.Td>
                <Code>{token.prefix}…</Code>
              </Table.Td>
              <Table.Td>{formatDateTime(token.createdAt)}</Table.Td>
              <Table.Td>{formatDateTime(token.expiresAt)}</Table.Td>
              <Table.Td>
                {token.lastUsedAt ? (
                  <>
                    {formatDateTime(token.lastUsedAt)}
                    {token.lastUsedIp && (
                      <Text size="xs" c="dimmed">
                        from {token.lastUsedIp}
                      </Text>
                    )}
                  </>
                ) : (
                  "Never"
                )}
              </Table.Td>
              <Table.Td>
                <Badge variant="light" color={STATUS[token.status].color}>
                  {STATUS[token.status].label}
                </Badge>
              </Table.Td>
              <Table.Td>
                {token.status === "active" && (
                  <Button
                    size="xs"
                    variant="subtle"
                    color="red"
                    onClick={() => onRevoke(token)}
                    aria-label={`Revoke ${token.name}`}
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
