import { PlannedPage } from "../../../components/PlannedPage";
import { useSignedInMe } from "../../auth/queries";

export function PartnerPortalPage() {
  const me = useSignedInMe();
  return (
    <PlannedPage title="Partner portal" subject={me.partner?.name}>
      No customer companies yet. This is where you will create and manage your customer companies: their names
      and domains, their licences and endpoint subscriptions, and where you can step in as a company's
      administrator.
    </PlannedPage>
  );
}
