import { useSearchParams } from "react-router";

interface ListChanges {
  page?: number;
  q?: string;
  status?: string;
}

/**
 * A list's page, search text and filter live in the address, so Back, reload and a shared link
 * keep the user's place. Changing the search or filter starts again at page 1.
 */
export function useListSearchParams() {
  const [searchParams, setSearchParams] = useSearchParams();
  const page = Math.max(1, Number.parseInt(searchParams.get("page") ?? "1", 10) || 1);
  const q = searchParams.get("q") ?? "";
  const status = searchParams.get("status") ?? "";

  const update = (changes: ListChanges) => {
    const next = { page, q, status, ...changes };
    if (changes.q !== undefined || changes.status !== undefined) next.page = changes.page ?? 1;
    const params: Record<string, string> = {};
    if (next.q) params.q = next.q;
    if (next.status) params.status = next.status;
    if (next.page > 1) params.page = String(next.page);
    // Typing a search replaces the history entry; moving between pages adds one.
    setSearchParams(params, { replace: changes.page === undefined });
  };

  return { page, q, status, update };
}
