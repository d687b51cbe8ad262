import { ErrorAlert } from "../../../components/ErrorAlert";
import { usePageTitle } from "../../../lib/usePageTitle";

/** A partner page reached without a partner to show (should not happen for partner admins). */
export function NoPartnerMessage() {
  usePageTitle("Partner portal");
  return (
    <ErrorAlert
      title="No partner organisation"
      message="Your account is not linked to a partner organisation. Ask the service operator to check it."
    />
  );
}
