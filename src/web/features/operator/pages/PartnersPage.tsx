import { Button, Paper, Stack } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useState } from "react";
import { useNavigate } from "react-router";
import { ErrorAlert } from "../../../components/ErrorAlert";
import { ListEmptyState } from "../../../components/ListEmptyState";
import { ListFooter } from "../../../components/ListFooter";
import { PageHeader } from "../../../components/PageHeader";
import { PageLoader } from "../../../components/PageLoader";
import { SearchInput } from "../../../components/SearchInput";
import { useListSearchParams } from "../../../lib/useListSearchParams";
import { AddPartnerModal } from "../components/PartnerNameModals";
import { PartnersTable } from "../components/PartnersTable";
import { PARTNERS_PAGE_SIZE, usePartners } from "../queries";

export function PartnersPage() {
  const list = useListSearchParams();
  const partners = usePartners({ q: list.q, page: list.page, pageSize: PARTNERS_PAGE_SIZE });
  const [adding, setAdding] = useState(false);
  const navigate = useNavigate();
  const addButton = <Button onClick={() => setAdding(true)}>Add partner</Button>;

  return (
    <Stack gap="lg">
      <PageHeader
        title="Partners"
        description="The resellers who create and look after customer companies."
        actions={addButton}
      />
      <SearchInput label="Search partners" value={list.q} onSearch={(q) => list.update({ q })} />
      {partners.isPending && <PageLoader label="Loading partners" />}
      {partners.error && <ErrorAlert title="Could not load the partners" message={partners.error.message} />}
      {partners.data &&
        partners.data.items.length === 0 &&
        (partners.data.total > 0 ? (
          <ListEmptyState
            title="No partners on this page"
            action={{ label: "Go to the first page", onClick: () => list.update({ page: 1 }) }}
          />
        ) : list.q ? (
          <ListEmptyState
            title="No partners match"
            action={{ label: "Clear the search", onClick: () => list.update({ q: "" }) }}
          />
        ) : (
          <ListEmptyState
            title="No partners yet"
            description="Add a partner, then invite its admins: they create and manage their customer companies."
            action={{ label: "Add the first partner", onClick: () => setAdding(true) }}
          />
        ))}
      {partners.data && partners.data.items.length > 0 && (
        <Paper withBorder radius="md" p={0} style={{ opacity: partners.isPlaceholderData ? 0.6 : 1 }}>
          <PartnersTable partners={partners.data.items} />
        </Paper>
      )}
      {partners.data && (
        <ListFooter
          page={list.page}
          pageSize={PARTNERS_PAGE_SIZE}
          shown={partners.data.items.length}
          total={partners.data.total}
          noun={["partner", "partners"]}
          onPageChange={(page) => list.update({ page })}
        />
      )}
      <AddPartnerModal
        opened={adding}
        onClose={() => setAdding(false)}
        onAdded={(partner) => {
          setAdding(false);
          notifications.show({
            color: "green",
            title: "Partner added",
            message: `${partner.name} was added. Invite its first partner admin.`,
          });
          navigate(`/operator/partners/${partner.id}`);
        }}
      />
    </Stack>
  );
}
