import { Stack } from "@mantine/core";
import { ErrorAlert } from "../../../components/ErrorAlert";
import { PageHeader } from "../../../components/PageHeader";
import { PageLoader } from "../../../components/PageLoader";
import { SectionCard } from "../../../components/SectionCard";
import { InfinitySettingsForm } from "../components/InfinitySettingsForm";
import { InfinitySummary } from "../components/InfinitySummary";
import { useInfinitySettings } from "../queries";

export function InfinitySettingsPage() {
  const settings = useInfinitySettings();
  return (
    <Stack gap="lg">
      <PageHeader
        title="Pexip Infinity"
        description="How Pexip Infinity reaches Confero (policy API and event sink) and how Confero reaches Infinity (management API). Values set by environment variables on the server win and are shown read-only."
      />
      {settings.isPending && <PageLoader label="Loading the Pexip Infinity settings" />}
      {settings.error && (
        <ErrorAlert title="Could not load the Pexip Infinity settings" message={settings.error.message} />
      )}
      {settings.data && (
        <>
          <SectionCard title="Settings">
            <InfinitySettingsForm settings={settings.data} />
          </SectionCard>
          <InfinitySummary summary={settings.data.summary} />
        </>
      )}
    </Stack>
  );
}
