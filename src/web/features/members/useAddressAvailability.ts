import { useDebouncedValue } from "@mantine/hooks";
import { useQuery } from "@tanstack/react-query";
import { checkAddressAvailability } from "./api";

/**
 * Asks the server, once typing pauses, whether a (rule-abiding) address is still free. Pass
 * null to skip the check (the address breaks a rule already shown, or is unchanged). Answers
 * the server's first problem, e.g. "This video address is already in use."
 */
export function useAddressAvailability(companyId: string, address: string | null) {
  const [debounced] = useDebouncedValue(address, 400);
  const settled = debounced === address;
  const check = useQuery({
    queryKey: ["company", companyId, "address-availability", debounced],
    queryFn: ({ signal }) => checkAddressAvailability(companyId, debounced ?? "", signal),
    enabled: debounced !== null && settled,
    staleTime: 10_000,
  });
  if (address === null || !settled || !check.data) {
    return { checking: address !== null && (!settled || check.isFetching), problem: null };
  }
  return { checking: check.isFetching, problem: check.data.problems[0]?.message ?? null };
}
