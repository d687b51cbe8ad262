import { PlannedPage } from "../../../components/PlannedPage";
import { useSignedInMe } from "../../auth/queries";

export function CompanyAdminPage() {
  const me = useSignedInMe();
  return (
    <PlannedPage title="Company administration" subject={me.company?.name}>
      Nothing to manage here yet. This is where you will invite and manage your company's members, set up team
      meeting rooms and look after your video systems, with the number of licences you have left.
    </PlannedPage>
  );
}
