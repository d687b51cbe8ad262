import { Button, Group, NativeSelect, Paper, Stack, Text } from "@mantine/core";
import { useMemo, useState } from "react";
import { MEMBER_STATUSES, type MemberStatus, type MemberSummary } from "../../../api/types";
import { ErrorAlert } from "../../../components/ErrorAlert";
import { ListFooter } from "../../../components/ListFooter";
import { PageHeader } from "../../../components/PageHeader";
import { PageLoader } from "../../../components/PageLoader";
import { SearchInput } from "../../../components/SearchInput";
import { useListSearchParams } from "../../../lib/useListSearchParams";
import { useScopedCompany } from "../../company/components/CompanyScope";
import { membersCsvUrl } from "../api";
import { DeleteMembersModal } from "../components/DeleteMembersModal";
import { HostPinsModal } from "../components/HostPinsModal";
import { InviteMemberModal } from "../components/InviteMemberModal";
import { LicencesLine } from "../components/LicencesLine";
import { MEMBER_STATUS_LABELS } from "../components/MemberBadges";
import { MembersActions } from "../components/MembersActions";
import { MembersEmpty } from "../components/MembersEmpty";
import { MembersTable } from "../components/MembersTable";
import { MEMBERS_PAGE_SIZE, useMembers } from "../queries";

const STATUS_OPTIONS = [
  { value: "", label: "All statuses" },
  ...MEMBER_STATUSES.map((status) => ({ value: status, label: MEMBER_STATUS_LABELS[status] })),
];

const isStatus = (value: string): value is MemberStatus =>
  (MEMBER_STATUSES as readonly string[]).includes(value);

type OpenModal = "invite" | "delete" | "hostPins" | null;

/** The Members tab: everyone in the company, with invitations, deletion and a CSV export. */
export function MembersPage() {
  const company = useScopedCompany();
  const list = useListSearchParams();
  const status: MemberStatus | "" = isStatus(list.status) ? list.status : "";
  const filters = { q: list.q, status, sort: list.sort };
  const members = useMembers(company.id, { ...filters, page: list.page, pageSize: MEMBERS_PAGE_SIZE });
  const [modal, setModal] = useState<OpenModal>(null);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const base = `/companies/${company.id}/admin/members`;

  // Only rows on the current page can be ticked; a new page, search or filter starts afresh.
  const items = members.data?.items;
  const ticked = useMemo<MemberSummary[]>(
    () => (items ?? []).filter((member) => selected.has(member.id)),
    [items, selected],
  );
  const update = (changes: Parameters<typeof list.update>[0]) => {
    setSelected(new Set());
    list.update(changes);
  };

  return (
    <Stack gap="lg">
      <PageHeader
        title="Members"
        crumbs={[{ label: "Company administration", to: `/companies/${company.id}/admin` }]}
        description={company.name}
        actions={
          <MembersActions
            pendingPath={`${base}/pending`}
            bulkInvitePath={`${base}/bulk-invite`}
            onInviteOne={() => setModal("invite")}
            onSetHostPins={() => setModal("hostPins")}
          />
        }
      />
      <LicencesLine licences={members.data?.licences ?? null} />
      <Group justify="space-between" align="flex-end" gap="sm">
        <Group align="flex-end" gap="sm">
          <SearchInput
            label="Search members"
            placeholder="Name, email or video address"
            value={list.q}
            onSearch={(q) => update({ q })}
          />
          <NativeSelect
            label="Status"
            data={STATUS_OPTIONS}
            value={status}
            onChange={(event) => update({ status: event.currentTarget.value })}
          />
        </Group>
        <Group gap="sm">
          <Button
            color="red"
            variant="light"
            disabled={ticked.length === 0}
            onClick={() => setModal("delete")}
          >
            {ticked.length > 0 ? `Delete (${ticked.length})` : "Delete"}
          </Button>
          <Button component="a" href={membersCsvUrl(company.id, filters)} download variant="default">
            Export CSV
          </Button>
        </Group>
      </Group>
      <Text
        size="sm"
        c="dimmed"
        aria-live="polite"
        className={ticked.length === 0 ? "visually-hidden" : undefined}
      >
        {ticked.length > 0 ? `${ticked.length} selected` : "None selected"}
      </Text>

      {members.isPending && <PageLoader label="Loading members" />}
      {members.error && <ErrorAlert title="Could not load the members" message={members.error.message} />}
      {members.data && members.data.items.length === 0 && (
        <MembersEmpty
          filtered={list.q !== "" || status !== ""}
          beyondLastPage={members.data.total > 0}
          onClearFilters={() => update({ q: "", status: "" })}
          onFirstPage={() => update({ page: 1 })}
          onInvite={() => setModal("invite")}
        />
      )}
      {members.data && members.data.items.length > 0 && (
        <Paper withBorder radius="md" p={0} style={{ opacity: members.isPlaceholderData ? 0.6 : 1 }}>
          <MembersTable
            members={members.data.items}
            memberPath={(member) => `${base}/${member.id}`}
            selected={selected}
            onSelectedChange={setSelected}
            sort={list.sort}
            onSort={(sort) => update({ sort })}
          />
        </Paper>
      )}
      {members.data && (
        <ListFooter
          page={list.page}
          pageSize={MEMBERS_PAGE_SIZE}
          shown={members.data.items.length}
          total={members.data.total}
          totalCapped={members.data.totalCapped}
          noun={["member", "members"]}
          onPageChange={(page) => update({ page })}
        />
      )}

      <InviteMemberModal
        company={company}
        licences={members.data?.licences ?? null}
        opened={modal === "invite"}
        onClose={() => setModal(null)}
      />
      <DeleteMembersModal
        companyId={company.id}
        members={ticked}
        opened={modal === "delete" && ticked.length > 0}
        onClose={() => setModal(null)}
        onDeleted={() => {
          setSelected(new Set());
          setModal(null);
        }}
      />
      <HostPinsModal companyId={company.id} opened={modal === "hostPins"} onClose={() => setModal(null)} />
    </Stack>
  );
}
