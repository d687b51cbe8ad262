import { Stack } from "@mantine/core";
import { PageHeader } from "../../../components/PageHeader";
import { useSignedInMe } from "../../auth/queries";
import { CompanyList } from "../components/CompanyList";
import { usePartnerScope } from "../partnerScope";
import { NoPartnerMessage } from "./NoPartnerMessage";

/** The partner portal's home: the partner's customer companies. */
export function PartnerCompaniesPage() {
  const me = useSignedInMe();
  const scope = usePartnerScope();
  if (!scope) return <NoPartnerMessage />;
  return (
    <Stack gap="lg">
      <PageHeader
        title="Customer companies"
        description={`The companies ${me.partner?.name ?? "your partner organisation"} looks after: their licences, subscriptions and administrators.`}
      />
      <CompanyList
        partnerId={scope.partnerId}
        companyPath={(company) => scope.companyPath(company.id)}
        newCompanyPath={scope.newCompanyPath}
      />
    </Stack>
  );
}
