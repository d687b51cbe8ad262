import { Button, Stack, Title } from "@mantine/core";
import { useState } from "react";
import { Link, useParams } from "react-router";
import { isApiError } from "../../../api/client";
import type { Partner } from "../../../api/types";
import { ErrorAlert } from "../../../components/ErrorAlert";
import { PageHeader } from "../../../components/PageHeader";
import { PageLoader } from "../../../components/PageLoader";
import { usePageTitle } from "../../../lib/usePageTitle";
import { CompanyList } from "../../partner/components/CompanyList";
import { PartnerAdminsSection } from "../../partner/components/PartnerAdminsSection";
import { usePartnerScope } from "../../partner/partnerScope";
import { usePartner } from "../../partner/queries";
import { RenamePartnerModal } from "../components/PartnerNameModals";

/** One partner as the operator sees it: its name, its admins and its customer companies. */
export function PartnerPage() {
  const { partnerId = "" } = useParams();
  const partner = usePartner(partnerId);
  usePageTitle(partner.data?.name ?? "Partner");

  if (partner.isPending) return <PageLoader label="Loading the partner" />;
  if (partner.error) {
    const notFound = isApiError(partner.error, 404);
    return (
      <Stack gap="md" align="flex-start">
        <ErrorAlert
          title={notFound ? "Partner not found" : "Could not load the partner"}
          message={notFound ? "There is no partner at this address." : partner.error.message}
        />
        <Button component={Link} to="/operator/partners" variant="light">
          Back to the partners
        </Button>
      </Stack>
    );
  }
  return <PartnerDetails partner={partner.data} />;
}

function PartnerDetails({ partner }: { partner: Partner }) {
  const [renaming, setRenaming] = useState(false);
  const scope = usePartnerScope();
  return (
    <Stack gap="xl">
      <PageHeader
        title={partner.name}
        crumbs={[{ label: "Partners", to: "/operator/partners" }]}
        description="A reseller: its admins create and look after the customer companies below."
        actions={
          <Button variant="default" onClick={() => setRenaming(true)}>
            Rename
          </Button>
        }
      />
      <PartnerAdminsSection partnerId={partner.id} partnerName={partner.name} />
      <Stack gap="md" component="section" aria-labelledby="partner-companies-heading">
        <Title order={2} size="h3" id="partner-companies-heading">
          Customer companies
        </Title>
        {scope && (
          <CompanyList
            partnerId={partner.id}
            companyPath={(company) => scope.companyPath(company.id)}
            newCompanyPath={scope.newCompanyPath}
          />
        )}
      </Stack>
      <RenamePartnerModal opened={renaming} onClose={() => setRenaming(false)} partner={partner} />
    </Stack>
  );
}
