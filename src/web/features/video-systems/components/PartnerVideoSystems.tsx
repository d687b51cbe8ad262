import { Button, Group, List, Paper, Stack, Text } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useMemo, useState } from "react";
import type { Company, VideoSystem } from "../../../api/types";
import { ConfirmModal } from "../../../components/ConfirmModal";
import { ErrorAlert } from "../../../components/ErrorAlert";
import { ListFooter } from "../../../components/ListFooter";
import { SearchInput } from "../../../components/SearchInput";
import { SectionCard } from "../../../components/SectionCard";
import { plural } from "../../../lib/format";
import { useDeleteVideoSystems, useVideoSystems } from "../queries";
import { AddVideoSystemModal } from "./AddVideoSystemModal";
import { BulkVideoSystemsModal } from "./BulkVideoSystemsModal";
import { VideoSystemsTable } from "./VideoSystemsTable";

const PAGE_SIZE = 20;
type OpenModal = "add" | "bulk" | "delete" | null;

/**
 * The managed company page's "Video systems": every endpoint subscription of the customer
 * (shared and twinned), added one at a time or from a CSV, and deleted — the partner's job.
 */
export function PartnerVideoSystems({ company }: { company: Company }) {
  const [q, setQ] = useState("");
  const [page, setPage] = useState(1);
  const [modal, setModal] = useState<OpenModal>(null);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const systems = useVideoSystems(company.id, { q, page, pageSize: PAGE_SIZE, twinned: "all" });
  const remove = useDeleteVideoSystems(company.id);
  const subscriptions = systems.data?.endpointSubscriptions ?? null;
  const items = systems.data?.items;
  const ticked = useMemo<VideoSystem[]>(
    () => (items ?? []).filter((s) => selected.has(s.id)),
    [items, selected],
  );

  const closeDelete = () => {
    remove.reset();
    setModal(null);
  };
  const confirmDelete = () =>
    remove.mutate(
      ticked.map((s) => s.id),
      {
        onSuccess: ({ deleted }) => {
          notifications.show({
            color: "green",
            title: "Video systems deleted",
            message: `${plural(deleted, "video system")} deleted. Their subscriptions are free again.`,
          });
          setSelected(new Set());
          closeDelete();
        },
      },
    );

  return (
    <SectionCard
      title="Video systems"
      description={
        subscriptions
          ? `Endpoint subscriptions: ${subscriptions.used} of ${subscriptions.total} used (${subscriptions.remaining} left).`
          : "Endpoint subscriptions of this company."
      }
      actions={
        <Group gap="xs">
          <Button onClick={() => setModal("add")}>Add video system</Button>
          <Button variant="light" onClick={() => setModal("bulk")}>
            Bulk create (CSV)
          </Button>
        </Group>
      }
    >
      <Stack gap="sm">
        <Group justify="space-between" align="flex-end">
          <SearchInput
            label="Search video systems"
            placeholder="Name, video address or serial number"
            value={q}
            onSearch={(next) => {
              setQ(next);
              setPage(1);
              setSelected(new Set());
            }}
          />
          <Button
            color="red"
            variant="light"
            disabled={ticked.length === 0}
            onClick={() => setModal("delete")}
          >
            {ticked.length > 0 ? `Delete (${ticked.length})` : "Delete"}
          </Button>
        </Group>
        <ErrorAlert title="Could not load the video systems" message={systems.error?.message ?? null} />
        {systems.data && systems.data.items.length === 0 && (
          <Text size="sm" c="dimmed" role="status">
            {q
              ? "No video systems match your search."
              : "No video systems yet. Add one, or create many from a CSV file."}
          </Text>
        )}
        {systems.data && systems.data.items.length > 0 && (
          <Paper withBorder radius="md" p={0}>
            <VideoSystemsTable
              systems={systems.data.items}
              showTwin
              selected={selected}
              onSelectedChange={setSelected}
            />
          </Paper>
        )}
        {systems.data && (
          <ListFooter
            page={page}
            pageSize={PAGE_SIZE}
            shown={systems.data.items.length}
            total={systems.data.total}
            noun={["video system", "video systems"]}
            onPageChange={(next) => {
              setPage(next);
              setSelected(new Set());
            }}
          />
        )}
      </Stack>
      <AddVideoSystemModal
        company={company}
        subscriptions={subscriptions}
        opened={modal === "add"}
        onClose={() => setModal(null)}
      />
      <BulkVideoSystemsModal
        companyId={company.id}
        opened={modal === "bulk"}
        onClose={() => setModal(null)}
      />
      <ConfirmModal
        opened={modal === "delete" && ticked.length > 0}
        title={`Delete ${plural(ticked.length, "video system")}?`}
        confirmLabel={`Delete ${plural(ticked.length, "video system")}`}
        onConfirm={confirmDelete}
        onCancel={closeDelete}
        loading={remove.isPending}
      >
        <Stack gap="sm">
          <Text>
            These subscriptions end and their addresses become free. Their endpoints stop registering.
          </Text>
          <List size="sm">
            {ticked.map((s) => (
              <List.Item key={s.id}>
                {s.name} ({s.videoAddress})
              </List.Item>
            ))}
          </List>
          <ErrorAlert title="Nothing was deleted" message={remove.error?.message ?? null} />
        </Stack>
      </ConfirmModal>
    </SectionCard>
  );
}
