import { Navigate } from "react-router";
import { PlannedPage } from "../../../components/PlannedPage";
import { useSignedInMe } from "../../auth/queries";

/** /company/admin, /company/settings and /company/usage (older links) lead to the same pages of your own company. */
export function OwnCompanyRedirect({ page }: { page: "admin" | "settings" | "usage" }) {
  const me = useSignedInMe();
  if (!me.company) {
    return (
      <PlannedPage title="Company administration">Your account does not belong to a company.</PlannedPage>
    );
  }
  return <Navigate to={`/companies/${me.company.id}/${page}`} replace />;
}
