import { Button, Stack } from "@mantine/core";
import { Link, useParams } from "react-router";
import { isApiError } from "../../../api/client";
import type { Company } from "../../../api/types";
import { ErrorAlert } from "../../../components/ErrorAlert";
import { PageHeader } from "../../../components/PageHeader";
import { PageLoader } from "../../../components/PageLoader";
import { SectionCard } from "../../../components/SectionCard";
import { UsageText } from "../../../components/UsageText";
import { formatDateTime } from "../../../lib/formatDate";
import { usePageTitle } from "../../../lib/usePageTitle";
import { CompanyDomains } from "../../company/components/CompanyDomains";
import { CompanyFacts } from "../../company/components/CompanyFacts";
import { PartnerVideoSystems } from "../../video-systems/components/PartnerVideoSystems";
import { CompanyStatusBadge } from "../components/CompanyStatusBadge";
import { CompanyEditForm } from "../components/company-form/CompanyEditForm";
import { type PartnerScope, usePartnerCrumbs, usePartnerScope } from "../partnerScope";
import { usePartnerCompany } from "../queries";
import { NoPartnerMessage } from "./NoPartnerMessage";

/** A customer company as its partner (or an operator) manages it: figures, domains, settings. */
export function ManagedCompanyPage() {
  const scope = usePartnerScope();
  if (!scope) return <NoPartnerMessage />;
  return <ManagedCompany scope={scope} />;
}

function ManagedCompany({ scope }: { scope: PartnerScope }) {
  const { companyId = "" } = useParams();
  const company = usePartnerCompany(scope.partnerId, companyId);
  const crumbs = usePartnerCrumbs(scope);
  usePageTitle(company.data?.name ?? "Company");

  if (company.isPending) return <PageLoader label="Loading the company" />;
  if (company.error) {
    const notFound = isApiError(company.error, 404);
    return (
      <Stack gap="md" align="flex-start">
        <ErrorAlert
          title={notFound ? "Company not found" : "Could not load the company"}
          message={
            notFound
              ? "This company does not exist, or it belongs to another partner."
              : company.error.message
          }
        />
        <Button component={Link} to={scope.homePath} variant="light">
          Back to the companies
        </Button>
      </Stack>
    );
  }
  return <ManagedCompanyDetails company={company.data} scope={scope} crumbs={crumbs} />;
}

interface DetailsProps {
  company: Company;
  scope: PartnerScope;
  crumbs: ReturnType<typeof usePartnerCrumbs>;
}

function ManagedCompanyDetails({ company, scope, crumbs }: DetailsProps) {
  return (
    <Stack gap="lg">
      <PageHeader
        title={company.name}
        crumbs={crumbs}
        badge={<CompanyStatusBadge status={company.status} />}
        description={`Customer of ${company.partner.name} since ${formatDateTime(company.createdAt)}.`}
        actions={
          <Button component={Link} to={`/companies/${company.id}/admin`}>
            Open company administration
          </Button>
        }
      />
      <SectionCard title="Usage">
        <CompanyFacts
          facts={[
            { label: "Licences used", value: <UsageText usage={company.licences} /> },
            {
              label: "Endpoint subscriptions used",
              value: <UsageText usage={company.endpointSubscriptions} />,
            },
            { label: "Members", value: company.memberCount },
            { label: "Slug", value: company.slug },
          ]}
        />
      </SectionCard>
      <SectionCard title="Domains">
        <CompanyDomains company={company} />
      </SectionCard>
      <PartnerVideoSystems company={company} />
      <SectionCard
        title="Settings"
        description="What the company has bought, and how its rooms and domains are set up."
      >
        <CompanyEditForm key={company.id} company={company} partnerId={scope.partnerId} />
      </SectionCard>
    </Stack>
  );
}
