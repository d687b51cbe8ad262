import { Box, Button, Stack, Text, Title } from "@mantine/core";
import { Link } from "react-router";
import { PageLoader } from "../../../components/PageLoader";
import { usePageTitle } from "../../../lib/usePageTitle";
import { useMe } from "../../auth/queries";
import { SignedInLayout } from "../components/SignedInLayout";

/** Unknown paths get a real "not found" page, inside the app's frame when signed in. */
export function NotFoundPage() {
  usePageTitle("Page not found");
  const { data: me, isPending } = useMe();
  if (isPending) return <PageLoader />;
  if (me) {
    return (
      <SignedInLayout>
        <NotFoundMessage />
      </SignedInLayout>
    );
  }
  return (
    <Box component="main" p="xl">
      <NotFoundMessage />
    </Box>
  );
}

function NotFoundMessage() {
  return (
    <Stack gap="sm" align="flex-start">
      <Title order={1}>Page not found</Title>
      <Text c="dimmed">
        There is no page at this address. It may have moved, or the link may be mistyped.
      </Text>
      <Button component={Link} to="/" variant="light">
        Go to the home page
      </Button>
    </Stack>
  );
}
