import { Anchor, Stack, Table, Text } from "@mantine/core";
import { Link } from "react-router";
import { ErrorAlert } from "../../../components/ErrorAlert";
import { PageLoader } from "../../../components/PageLoader";
import { SectionCard } from "../../../components/SectionCard";
import { useMemberVideoSystems } from "../queries";
import { videoSystemLinks } from "../status";
import { VideoSystemLinks } from "./VideoSystemLinks";
import { VideoSystemStatusBadge } from "./VideoSystemsTable";

/** The user page's "Video systems": the systems twinned to this member, or why there are none. */
export function MemberVideoSystems({ companyId, memberId }: { companyId: string; memberId: string }) {
  const systems = useMemberVideoSystems(companyId, memberId);
  return (
    <SectionCard title="Video systems" description="Endpoint subscriptions twinned to this member.">
      {systems.isPending && <PageLoader label="Loading video systems" />}
      {systems.error && (
        <ErrorAlert title="Could not load the video systems" message={systems.error.message} />
      )}
      {systems.data && systems.data.length === 0 && (
        <Text size="sm" c="dimmed">
          No video system is twinned to this member. To add one, contact your partner.
        </Text>
      )}
      {systems.data && systems.data.length > 0 && (
        <Table verticalSpacing="sm">
          <caption className="visually-hidden">Video systems twinned to this member</caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Name</Table.Th>
              <Table.Th>Video address</Table.Th>
              <Table.Th>Status</Table.Th>
              <Table.Th>Actions</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {systems.data.map((system) => (
              <Table.Tr key={system.id}>
                <Table.Td>
                  <Anchor component={Link} to={videoSystemLinks(companyId, system.id).page} fw={500}>
                    {system.name}
                  </Anchor>
                </Table.Td>
                <Table.Td style={{ overflowWrap: "anywhere" }}>
                  <Stack gap={0}>
                    {system.videoAddress}
                    {system.usesMemberAddress && (
                      <Text size="xs" c="dimmed">
                        The member's own address
                      </Text>
                    )}
                  </Stack>
                </Table.Td>
                <Table.Td>
                  <VideoSystemStatusBadge system={system} />
                </Table.Td>
                <Table.Td>
                  <VideoSystemLinks companyId={companyId} id={system.id} name={system.name} />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </SectionCard>
  );
}
