import { Button, Stack } from "@mantine/core";
import { Link } from "react-router";
import { isApiError } from "../../../api/client";
import { ErrorAlert } from "../../../components/ErrorAlert";
import { usePageTitle } from "../../../lib/usePageTitle";

/** What the activation and QR pages show when the video system cannot be loaded. */
export function VideoSystemUnavailable({ error, listPath }: { error: Error; listPath: string }) {
  usePageTitle("Video system");
  const notFound = isApiError(error, 404);
  return (
    <Stack gap="md" align="flex-start">
      <ErrorAlert
        title={notFound ? "Video system not found" : "Could not load the video system"}
        message={notFound ? "This video system does not exist, or was deleted." : error.message}
      />
      <Button component={Link} to={listPath} variant="light">
        Back to video systems
      </Button>
    </Stack>
  );
}

/** The breadcrumbs of a video system's sub-pages: administration › Video systems › the system. */
export function videoSystemCrumbs(companyId: string, id: string, name: string) {
  const admin = `/companies/${companyId}/admin`;
  return [
    { label: "Company administration", to: admin },
    { label: "Video systems", to: `${admin}/video-systems` },
    { label: name, to: `${admin}/video-systems/${id}` },
  ];
}
