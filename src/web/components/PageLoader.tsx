import { Center, Loader } from "@mantine/core";

/** A full-area spinner for the moment a page waits on its first data. */
export function PageLoader({ label = "Loading" }: { label?: string }) {
  return (
    <Center mih={200} h="100%" role="status" aria-live="polite">
      <Loader aria-label={label} />
    </Center>
  );
}
