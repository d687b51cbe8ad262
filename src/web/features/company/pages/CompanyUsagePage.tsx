import { PlannedPage } from "../../../components/PlannedPage";
import { useSignedInMe } from "../../auth/queries";

export function CompanyUsagePage() {
  const me = useSignedInMe();
  return (
    <PlannedPage title="Company usage" subject={me.company?.name}>
      No usage to show yet. This is where your company's calls will appear: totals and a per-day chart for a
      chosen period, broken down by video system, user and meeting room, with a CSV export.
    </PlannedPage>
  );
}
