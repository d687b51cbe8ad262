import { Stack, Text } from "@mantine/core";
import { PageHeader } from "../../../components/PageHeader";
import { SectionCard } from "../../../components/SectionCard";
import { UsageText } from "../../../components/UsageText";
import { ScimSection } from "../../scim/components/ScimSection";
import { SsoSettingsSection } from "../../sso/components/SsoSettingsSection";
import { CompanyDomains } from "../components/CompanyDomains";
import { CompanyFacts } from "../components/CompanyFacts";
import { useScopedCompany } from "../components/CompanyScope";
import { CompanySettingsForm } from "../components/CompanySettingsForm";

export function CompanySettingsPage() {
  const company = useScopedCompany();
  return (
    <Stack gap="lg">
      <PageHeader
        title="Company settings"
        crumbs={[{ label: "Company administration", to: `/companies/${company.id}/admin` }]}
        description={company.name}
      />
      <SectionCard title="General">
        <CompanySettingsForm key={company.id} company={company} />
      </SectionCard>
      <SectionCard title="Domains">
        <CompanyDomains company={company} />
      </SectionCard>
      <SectionCard title="Licences and subscriptions">
        <CompanyFacts
          facts={[
            { label: "Licences used", value: <UsageText usage={company.licences} /> },
            {
              label: "Endpoint subscriptions used",
              value: <UsageText usage={company.endpointSubscriptions} />,
            },
          ]}
        />
        <Text size="sm" c="dimmed">
          Each member and each team room uses a licence; each video system uses an endpoint subscription. For
          more, contact {company.partner.name}.
        </Text>
      </SectionCard>
      <SsoSettingsSection company={company} />
      <ScimSection companyId={company.id} />
    </Stack>
  );
}
