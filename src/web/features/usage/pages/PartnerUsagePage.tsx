import { useSignedInMe } from "../../auth/queries";
import { NoPartnerMessage } from "../../partner/pages/NoPartnerMessage";
import { CompaniesUsage } from "../components/CompaniesUsage";

/** Partner portal › Usage: each customer company's calls and minutes. */
export function PartnerUsagePage() {
  const me = useSignedInMe();
  if (!me.partner) return <NoPartnerMessage />;
  return (
    <CompaniesUsage
      title="Usage"
      description={`${me.partner.name}: calls and minutes of each customer company.`}
      partnerId={me.partner.id}
    />
  );
}
