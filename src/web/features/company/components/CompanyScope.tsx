import { Button, Stack } from "@mantine/core";
import { Link, Outlet, useOutletContext, useParams } from "react-router";
import { isApiError } from "../../../api/client";
import type { Company } from "../../../api/types";
import { ErrorAlert } from "../../../components/ErrorAlert";
import { PageLoader } from "../../../components/PageLoader";
import { usePageTitle } from "../../../lib/usePageTitle";
import { useSignedInMe } from "../../auth/queries";
import { useCompany } from "../queries";
import { ActingBanner } from "./ActingBanner";

/**
 * The frame of every /companies/:companyId/… page: loads the company once, and when the viewer
 * is not one of its members (a partner admin or operator acting for the customer) keeps a
 * banner in view saying so. Pages read the company with useScopedCompany().
 */
export function CompanyScope() {
  const { companyId = "" } = useParams();
  const me = useSignedInMe();
  const company = useCompany(companyId);

  if (company.isPending) return <PageLoader label="Loading the company" />;
  if (company.error) return <CompanyUnavailable error={company.error} />;

  const acting = me.company?.id !== company.data.id;
  return (
    <Stack gap="lg">
      {acting && <ActingBanner company={company.data} me={me} />}
      <Outlet context={company.data} />
    </Stack>
  );
}

export function useScopedCompany(): Company {
  return useOutletContext<Company>();
}

function CompanyUnavailable({ error }: { error: Error }) {
  usePageTitle("Company");
  const forbidden = isApiError(error, 403);
  const notFound = isApiError(error, 404);
  let title = "Could not load the company";
  let message = error.message;
  if (notFound) {
    title = "Company not found";
    message = "This company does not exist, or you cannot administer it.";
  } else if (forbidden) {
    title = "For company administrators";
    message = "Only the company's administrators can open this page.";
  }
  return (
    <Stack gap="md" align="flex-start">
      <ErrorAlert title={title} message={message} />
      <Button component={Link} to="/" variant="light">
        Go to the home page
      </Button>
    </Stack>
  );
}
