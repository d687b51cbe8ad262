import { ListEmptyState } from "../../../components/ListEmptyState";

/** How usage arrives, for a period (or a whole service) without any yet. */
export const HOW_USAGE_ARRIVES =
  "Usage appears once Pexip Infinity sends call events to Confero: the operator configures the event sink on Infinity to post to this service's /events/v1/pexip (Service operations › Pexip Infinity shows the address and credentials). Calls are counted from then on, on the day they connected.";

export function UsageEmpty({ title = "No calls in this period" }: { title?: string }) {
  return (
    <ListEmptyState
      title={title}
      description={`${HOW_USAGE_ARRIVES} If calls were made before, choose another period.`}
    />
  );
}
