import { Stack } from "@mantine/core";
import { ErrorAlert } from "../../../components/ErrorAlert";
import { PageHeader } from "../../../components/PageHeader";
import { PageLoader } from "../../../components/PageLoader";
import { SectionCard } from "../../../components/SectionCard";
import { StaffTwoFactorSetting } from "../../two-factor/components/StaffTwoFactorSetting";
import { ServiceSettingsForm } from "../components/ServiceSettingsForm";
import { useServiceSettings } from "../queries";

export function ServiceSettingsPage() {
  const settings = useServiceSettings();
  return (
    <Stack gap="lg">
      <PageHeader
        title="Service settings"
        description="What every partner, company and member of the service shares."
      />
      {settings.isPending && <PageLoader label="Loading the service settings" />}
      {settings.error && (
        <ErrorAlert title="Could not load the service settings" message={settings.error.message} />
      )}
      {settings.data && (
        <SectionCard title="Service">
          <ServiceSettingsForm settings={settings.data} />
        </SectionCard>
      )}
      {settings.data && <StaffTwoFactorSetting />}
    </Stack>
  );
}
