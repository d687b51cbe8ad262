import { Card, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import { Link } from "react-router";
import { usePageTitle } from "../../../lib/usePageTitle";
import { useSignedInMe } from "../../auth/queries";
import { type Destination, myAccountDestination, roleDestinations, roleSummary } from "../destinations";

export function HomePage() {
  usePageTitle("Home");
  const me = useSignedInMe();
  const destinations = [...roleDestinations(me), myAccountDestination];

  return (
    <Stack gap="lg">
      <div>
        <Title order={1}>Welcome, {me.fullName}</Title>
        <Text c="dimmed" mt="xs">
          {roleSummary(me)}
        </Text>
      </div>
      <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }} spacing="md">
        {destinations.map((destination) => (
          <DestinationCard key={destination.to} destination={destination} />
        ))}
      </SimpleGrid>
    </Stack>
  );
}

function DestinationCard({ destination }: { destination: Destination }) {
  return (
    <Card
      component={Link}
      to={destination.to}
      withBorder
      radius="md"
      padding="lg"
      className="destination-card"
    >
      <Text fw={600} c="blue.7">
        {destination.label}
      </Text>
      <Text size="sm" c="dimmed" mt={4}>
        {destination.description}
      </Text>
    </Card>
  );
}
