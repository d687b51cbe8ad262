import { ListEmptyState } from "../../../components/ListEmptyState";

interface AuditEmptyProps {
  filtered: boolean;
  beyondLastPage: boolean;
  onClearFilters: () => void;
  onFirstPage: () => void;
}

/** Why the audit log shows nothing, and what to do next. */
export function AuditEmpty({ filtered, beyondLastPage, onClearFilters, onFirstPage }: AuditEmptyProps) {
  if (beyondLastPage) {
    return (
      <ListEmptyState
        title="No changes on this page"
        action={{ label: "Go to the first page", onClick: onFirstPage }}
      />
    );
  }
  if (filtered) {
    return (
      <ListEmptyState
        title="No changes match these filters"
        description="Try another person, object or date range."
        action={{ label: "Clear filters", onClick: onClearFilters }}
      />
    );
  }
  return (
    <ListEmptyState
      title="No changes recorded yet"
      description="Every change to this company's members, rooms and settings will be listed here: who made it and when."
    />
  );
}
