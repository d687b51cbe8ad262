import { Button, Group, Paper, Stack, Text } from "@mantine/core";
import { useMemo, useState } from "react";
import type { TeamRoomSummary } from "../../../api/types";
import { ErrorAlert } from "../../../components/ErrorAlert";
import { ListEmptyState } from "../../../components/ListEmptyState";
import { ListFooter } from "../../../components/ListFooter";
import { PageHeader } from "../../../components/PageHeader";
import { PageLoader } from "../../../components/PageLoader";
import { SearchInput } from "../../../components/SearchInput";
import { useListSearchParams } from "../../../lib/useListSearchParams";
import { useScopedCompany } from "../../company/components/CompanyScope";
import { LicencesLine } from "../../members/components/LicencesLine";
import { AddTeamRoomModal } from "../components/AddTeamRoomModal";
import { DeleteTeamRoomsModal } from "../components/DeleteTeamRoomsModal";
import { TeamRoomsTable } from "../components/TeamRoomsTable";
import { TEAM_ROOMS_PAGE_SIZE, useTeamRooms } from "../queries";

type OpenModal = "add" | "delete" | null;

/** The Team rooms tab: the company's shared VMRs, each using a licence; add, search, delete. */
export function TeamRoomsPage() {
  const company = useScopedCompany();
  const list = useListSearchParams();
  const rooms = useTeamRooms(company.id, { q: list.q, page: list.page, pageSize: TEAM_ROOMS_PAGE_SIZE });
  const [modal, setModal] = useState<OpenModal>(null);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const base = `/companies/${company.id}/admin/team-rooms`;

  // Only rows on the current page can be ticked; a new page or search starts afresh.
  const items = rooms.data?.items;
  const ticked = useMemo<TeamRoomSummary[]>(
    () => (items ?? []).filter((room) => selected.has(room.id)),
    [items, selected],
  );
  const update = (changes: Parameters<typeof list.update>[0]) => {
    setSelected(new Set());
    list.update(changes);
  };

  return (
    <Stack gap="lg">
      <PageHeader
        title="Team rooms"
        crumbs={[{ label: "Company administration", to: `/companies/${company.id}/admin` }]}
        description={`${company.name} · shared meeting rooms; each uses one licence.`}
        actions={<Button onClick={() => setModal("add")}>Add team room</Button>}
      />
      <LicencesLine licences={rooms.data?.licences ?? null} />
      <Group justify="space-between" align="flex-end" gap="sm">
        <SearchInput
          label="Search team rooms"
          placeholder="Name or video address"
          value={list.q}
          onSearch={(q) => update({ q })}
        />
        <Button color="red" variant="light" disabled={ticked.length === 0} onClick={() => setModal("delete")}>
          {ticked.length > 0 ? `Delete (${ticked.length})` : "Delete"}
        </Button>
      </Group>
      <Text
        size="sm"
        c="dimmed"
        aria-live="polite"
        className={ticked.length === 0 ? "visually-hidden" : undefined}
      >
        {ticked.length > 0 ? `${ticked.length} selected` : "None selected"}
      </Text>

      {rooms.isPending && <PageLoader label="Loading team rooms" />}
      {rooms.error && <ErrorAlert title="Could not load the team rooms" message={rooms.error.message} />}
      {rooms.data && rooms.data.items.length === 0 && (
        <EmptyRooms
          filtered={list.q !== ""}
          beyondLastPage={rooms.data.total > 0}
          onClear={() => update({ q: "" })}
          onFirstPage={() => update({ page: 1 })}
          onAdd={() => setModal("add")}
        />
      )}
      {rooms.data && rooms.data.items.length > 0 && (
        <Paper withBorder radius="md" p={0} style={{ opacity: rooms.isPlaceholderData ? 0.6 : 1 }}>
          <TeamRoomsTable
            rooms={rooms.data.items}
            roomPath={(room) => `${base}/${room.id}`}
            selected={selected}
            onSelectedChange={setSelected}
          />
        </Paper>
      )}
      {rooms.data && (
        <ListFooter
          page={list.page}
          pageSize={TEAM_ROOMS_PAGE_SIZE}
          shown={rooms.data.items.length}
          total={rooms.data.total}
          noun={["team room", "team rooms"]}
          onPageChange={(page) => update({ page })}
        />
      )}

      <AddTeamRoomModal
        company={company}
        licences={rooms.data?.licences ?? null}
        opened={modal === "add"}
        onClose={() => setModal(null)}
      />
      <DeleteTeamRoomsModal
        companyId={company.id}
        rooms={ticked}
        opened={modal === "delete" && ticked.length > 0}
        onClose={() => setModal(null)}
        onDeleted={() => {
          setSelected(new Set());
          setModal(null);
        }}
      />
    </Stack>
  );
}

interface EmptyRoomsProps {
  filtered: boolean;
  beyondLastPage: boolean;
  onClear: () => void;
  onFirstPage: () => void;
  onAdd: () => void;
}

function EmptyRooms({ filtered, beyondLastPage, onClear, onFirstPage, onAdd }: EmptyRoomsProps) {
  if (beyondLastPage) {
    return (
      <ListEmptyState
        title="No team rooms on this page"
        action={{ label: "Go to the first page", onClick: onFirstPage }}
      />
    );
  }
  if (filtered) {
    return (
      <ListEmptyState
        title="No team rooms match your search"
        description="Search by the room's name or video address."
        action={{ label: "Clear search", onClick: onClear }}
      />
    );
  }
  return (
    <ListEmptyState
      title="No team rooms yet"
      description="A team room is a shared meeting room with its own video address, e.g. “Jupiter” or “Meeting Room 6”. Each uses one licence."
      action={{ label: "Add team room", onClick: onAdd }}
    />
  );
}
