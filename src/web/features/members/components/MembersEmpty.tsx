import { ListEmptyState } from "../../../components/ListEmptyState";

interface MembersEmptyProps {
  filtered: boolean;
  beyondLastPage: boolean;
  onClearFilters: () => void;
  onFirstPage: () => void;
  onInvite: () => void;
}

/** Why the members list is empty, and what to do next. */
export function MembersEmpty({
  filtered,
  beyondLastPage,
  onClearFilters,
  onFirstPage,
  onInvite,
}: MembersEmptyProps) {
  if (beyondLastPage) {
    return (
      <ListEmptyState
        title="No members on this page"
        action={{ label: "Go to the first page", onClick: onFirstPage }}
      />
    );
  }
  if (filtered) {
    return (
      <ListEmptyState
        title="No members match"
        description="Try another name, email or address, or show every status."
        action={{ label: "Clear search and filter", onClick: onClearFilters }}
      />
    );
  }
  return (
    <ListEmptyState
      title="No members yet"
      description="Invite people: each gets an email to activate their account, and a personal meeting room."
      action={{ label: "Invite one person", onClick: onInvite }}
    />
  );
}
