import { useSearchParams } from "react-router";

interface ListChanges {
  page?: number;
  q?: string;
  status?: string;
  sort?: string;
}

/**
 * A list's page, search text, filter and sort order live in the address, so Back, reload and a
 * shared link keep the user's place. Changing the search, filter or sort starts again at page 1.
 */
export function useListSearchParams() {
  const [searchParams, setSearchParams] = useSearchParams();
  const page = Math.max(1, Number.parseInt(searchParams.get("page") ?? "1", 10) || 1);
  const q = searchParams.get("q") ?? "";
  const status = searchParams.get("status") ?? "";
  const sort = searchParams.get("sort") ?? "";

  const update = (changes: ListChanges) => {
    const next = { page, q, status, sort, ...changes };
    if (changes.q !== undefined || changes.status !== undefined || changes.sort !== undefined) {
      next.page = changes.page ?? 1;
    }
    const params: Record<string, string> = {};
    if (next.q) params.q = next.q;
    if (next.status) params.status = next.status;
    if (next.sort) params.sort = next.sort;
    if (next.page > 1) params.page = String(next.page);
    // Typing a search replaces the history entry; moving between pages adds one.
    setSearchParams(params, { replace: changes.page === undefined });
  };

  return { page, q, status, sort, update };
}
