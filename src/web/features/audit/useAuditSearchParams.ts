import { useSearchParams } from "react-router";
import type { AuditFilters } from "./api";

const FILTER_KEYS = ["person", "object", "from", "to"] as const;

/**
 * The audit log's filters and page in the address, like `useListSearchParams` does for other
 * lists (which knows only q, status and sort): Back, reload and a shared link keep the view.
 * Changing a filter starts again at page 1.
 */
export function useAuditSearchParams() {
  const [searchParams, setSearchParams] = useSearchParams();
  const page = Math.max(1, Number.parseInt(searchParams.get("page") ?? "1", 10) || 1);
  const filters: AuditFilters = {
    person: searchParams.get("person") ?? "",
    object: searchParams.get("object") ?? "",
    from: searchParams.get("from") ?? "",
    to: searchParams.get("to") ?? "",
  };

  const update = (changes: Partial<AuditFilters> & { page?: number }) => {
    const { page: nextPage, ...filterChanges } = changes;
    const next = { ...filters, ...filterChanges };
    const filtered = Object.keys(filterChanges).length > 0;
    const params: Record<string, string> = {};
    for (const key of FILTER_KEYS) if (next[key]) params[key] = next[key];
    const pageNumber = nextPage ?? (filtered ? 1 : page);
    if (pageNumber > 1) params.page = String(pageNumber);
    // Typing a filter replaces the history entry; moving between pages adds one.
    setSearchParams(params, { replace: nextPage === undefined });
  };

  const filtered = FILTER_KEYS.some((key) => filters[key] !== "");
  return { page, filters, filtered, update };
}
