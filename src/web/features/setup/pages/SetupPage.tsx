import { Alert, Button } from "@mantine/core";
import { Link, useSearchParams } from "react-router";
import { ErrorAlert } from "../../../components/ErrorAlert";
import { PageLoader } from "../../../components/PageLoader";
import { PublicPage } from "../../../components/PublicPage";
import { usePageTitle } from "../../../lib/usePageTitle";
import { SetupForm } from "../components/SetupForm";
import { useSetupToken } from "../queries";

export function SetupPage() {
  usePageTitle("Set up Confero");
  const [searchParams] = useSearchParams();
  const token = searchParams.get("token") ?? "";
  const check = useSetupToken(token);

  if (token && check.isPending) return <PageLoader label="Checking the setup link" />;

  if (check.error) {
    return (
      <PublicPage title="Set up Confero">
        <ErrorAlert title="Could not check the setup link" message={check.error.message} />
        <Button onClick={() => check.refetch()} variant="light">
          Try again
        </Button>
      </PublicPage>
    );
  }

  if (!token || !check.data) {
    return (
      <PublicPage title="Set up Confero">
        <Alert color="red" variant="light" title="Link not valid">
          This setup link is invalid or has already been used.
        </Alert>
        <Button component={Link} to="/sign-in" variant="light">
          Go to sign in
        </Button>
      </PublicPage>
    );
  }

  return (
    <PublicPage
      title="Set up Confero"
      description="Name your video service and create the first operator account."
      width={560}
    >
      <SetupForm token={token} />
    </PublicPage>
  );
}
