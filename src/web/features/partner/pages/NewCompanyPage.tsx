import { Stack } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useNavigate } from "react-router";
import { PageHeader } from "../../../components/PageHeader";
import { CreateCompanyForm } from "../components/company-form/CreateCompanyForm";
import { usePartnerCrumbs, usePartnerScope } from "../partnerScope";
import { NoPartnerMessage } from "./NoPartnerMessage";

/** /partner/companies/new and /operator/partners/:partnerId/companies/new. */
export function NewCompanyPage() {
  const scope = usePartnerScope();
  const crumbs = usePartnerCrumbs(scope);
  const navigate = useNavigate();
  if (!scope) return <NoPartnerMessage />;

  return (
    <Stack gap="lg">
      <PageHeader
        title="Create company"
        crumbs={crumbs}
        description="A new customer company and its first administrator, who is invited by email."
      />
      <CreateCompanyForm
        partnerId={scope.partnerId}
        cancelPath={scope.homePath}
        onCreated={(company, adminEmail) => {
          notifications.show({
            color: "green",
            title: company.name,
            message: `Company created. An invitation was sent to ${adminEmail}.`,
          });
          navigate(scope.companyPath(company.id));
        }}
      />
    </Stack>
  );
}
