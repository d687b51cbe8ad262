import { Button, Group, List, Radio, Stack, Text } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useState } from "react";
import type { TeamRoom, TeamRoomOwner, TeamRoomOwnerMode } from "../../../api/types";
import { ErrorAlert } from "../../../components/ErrorAlert";
import { SearchInput } from "../../../components/SearchInput";
import { SectionCard } from "../../../components/SectionCard";
import { useMembers } from "../../members/queries";
import { useSetTeamRoomOwners } from "../queries";
import { OWNER_MODE_LABELS } from "./ownerModes";

const SEARCH_RESULTS = 8;

/**
 * Who controls the room besides the administrators: nobody, every user, or chosen members
 * (found by search, removed from the list). Owners change its name and PINs under My rooms.
 */
export function TeamRoomOwners({ companyId, room }: { companyId: string; room: TeamRoom }) {
  const save = useSetTeamRoomOwners(companyId, room.id);
  const [mode, setMode] = useState<TeamRoomOwnerMode>(room.ownerMode);
  const [chosen, setChosen] = useState<TeamRoomOwner[]>(room.owners);
  const [q, setQ] = useState("");
  const found = useMembers(companyId, { q, status: "", sort: "", page: 1, pageSize: SEARCH_RESULTS });
  const chosenIds = new Set(chosen.map((owner) => owner.id));
  const candidates = q ? (found.data?.items ?? []).filter((member) => !chosenIds.has(member.id)) : [];

  const dirty =
    mode !== room.ownerMode ||
    (mode === "chosen" &&
      (chosen.length !== room.owners.length || room.owners.some((owner) => !chosenIds.has(owner.id))));
  const submit = () =>
    save.mutate(
      { mode, memberIds: mode === "chosen" ? chosen.map((owner) => owner.id) : [] },
      {
        onSuccess: (saved) => {
          setChosen(saved.owners);
          notifications.show({
            color: "green",
            title: "Owners saved",
            message: `${saved.name}: owners updated.`,
          });
        },
      },
    );

  return (
    <SectionCard
      title="Owners"
      description="Owners see this room under My rooms and can change its name and PINs — not its address or owners. Administrators always control it."
    >
      <Stack gap="md">
        <ErrorAlert title="The owners were not saved" message={save.error?.message ?? null} />
        <Radio.Group
          label="Who controls this room"
          value={mode}
          onChange={(value) => setMode(value as TeamRoomOwnerMode)}
        >
          <Stack gap="xs" mt={6}>
            <Radio value="admins" label={OWNER_MODE_LABELS.admins} description="The default." />
            <Radio
              value="all_members"
              label={OWNER_MODE_LABELS.all_members}
              description="Let all users control this room."
            />
            <Radio
              value="chosen"
              label={OWNER_MODE_LABELS.chosen}
              description="Only the members you choose below."
            />
          </Stack>
        </Radio.Group>
        {mode === "chosen" && (
          <Stack gap="sm">
            <SearchInput
              label="Find a member to add"
              placeholder="Name, email or video address"
              value={q}
              onSearch={setQ}
            />
            {q && candidates.length === 0 && !found.isFetching && (
              <Text size="sm" c="dimmed">
                No other members match “{q}”.
              </Text>
            )}
            {candidates.length > 0 && (
              <List aria-label="Matching members" listStyleType="none" spacing={4}>
                {candidates.map((member) => (
                  <List.Item key={member.id}>
                    <Group gap="sm">
                      <Button
                        size="xs"
                        variant="light"
                        onClick={() => setChosen([...chosen, { id: member.id, fullName: member.fullName }])}
                        aria-label={`Add ${member.fullName}`}
                      >
                        Add
                      </Button>
                      <Text size="sm">
                        {member.fullName}{" "}
                        <Text span size="sm" c="dimmed">
                          ({member.email})
                        </Text>
                      </Text>
                    </Group>
                  </List.Item>
                ))}
              </List>
            )}
            <Text size="sm" fw={500}>
              Chosen members
            </Text>
            {chosen.length === 0 ? (
              <Text size="sm" c="dimmed">
                No members chosen yet: only administrators control the room.
              </Text>
            ) : (
              <List aria-label="Chosen members" listStyleType="none" spacing={4}>
                {chosen.map((owner) => (
                  <List.Item key={owner.id}>
                    <Group gap="sm">
                      <Text size="sm">{owner.fullName}</Text>
                      <Button
                        size="xs"
                        variant="subtle"
                        color="red"
                        onClick={() => setChosen(chosen.filter((o) => o.id !== owner.id))}
                        aria-label={`Remove ${owner.fullName}`}
                      >
                        Remove
                      </Button>
                    </Group>
                  </List.Item>
                ))}
              </List>
            )}
          </Stack>
        )}
        <Group>
          <Button onClick={submit} loading={save.isPending} disabled={!dirty}>
            Save owners
          </Button>
        </Group>
      </Stack>
    </SectionCard>
  );
}
