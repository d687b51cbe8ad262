import { Button, Group, Select, TextInput } from "@mantine/core";
import { SearchInput } from "../../../components/SearchInput";
import type { AuditFilters as Filters } from "../api";
import { useAuditPeople } from "../queries";
import { ACTOR_KIND_LABELS } from "./AuditTable";

interface AuditFiltersProps {
  companyId: string;
  filters: Filters;
  /** Set when the dates run backwards: shown on the "To" field. */
  rangeError: string | null;
  onChange: (changes: Partial<Filters>) => void;
}

/** Person, object text and a date range: the filters the list and the CSV export share. */
export function AuditFilters({ companyId, filters, rangeError, onChange }: AuditFiltersProps) {
  const people = useAuditPeople(companyId);
  const options = (people.data ?? []).map((p) => ({
    value: p.id,
    label: p.kind === "member" ? p.name : `${p.name} (${ACTOR_KIND_LABELS[p.kind]})`,
  }));

  return (
    <Group align="flex-start" gap="sm" wrap="wrap">
      <Select
        label="Person"
        placeholder={people.isPending ? "Loading…" : "Anyone"}
        data={options}
        value={filters.person || null}
        onChange={(value) => onChange({ person: value ?? "" })}
        clearable
        searchable
        nothingFoundMessage="Nobody by that name"
        w={{ base: "100%", xs: 240 }}
        error={people.error ? "Could not load the people" : undefined}
      />
      <SearchInput
        label="Object"
        placeholder="Name, email or address"
        value={filters.object}
        onSearch={(object) => onChange({ object })}
      />
      <TextInput
        type="date"
        label="From"
        value={filters.from}
        max={filters.to || undefined}
        onChange={(event) => onChange({ from: event.currentTarget.value })}
      />
      <TextInput
        type="date"
        label="To"
        value={filters.to}
        min={filters.from || undefined}
        error={rangeError}
        onChange={(event) => onChange({ to: event.currentTarget.value })}
      />
      {(filters.person || filters.object || filters.from || filters.to) && (
        <Button
          variant="subtle"
          mt={25}
          onClick={() => onChange({ person: "", object: "", from: "", to: "" })}
        >
          Clear filters
        </Button>
      )}
    </Group>
  );
}
