import { Anchor, Button, List, Paper, Stack, Text } from "@mantine/core";
import { Link } from "react-router";
import { PageHeader } from "../../../components/PageHeader";
import { SectionCard } from "../../../components/SectionCard";
import { UsageText } from "../../../components/UsageText";
import { CompanyFacts } from "../components/CompanyFacts";
import { useScopedCompany } from "../components/CompanyScope";

/**
 * The company administration home. Members, team rooms and video systems arrive in later
 * issues; until then it says so plainly and shows what is already known about the company.
 */
export function CompanyAdminPage() {
  const company = useScopedCompany();
  return (
    <Stack gap="lg">
      <PageHeader
        title="Company administration"
        description={company.name}
        actions={
          <Button component={Link} to={`/companies/${company.id}/settings`} variant="default">
            Company settings
          </Button>
        }
      />
      <SectionCard title="Licences and subscriptions">
        <CompanyFacts
          facts={[
            { label: "Licences used", value: <UsageText usage={company.licences} /> },
            {
              label: "Endpoint subscriptions used",
              value: <UsageText usage={company.endpointSubscriptions} />,
            },
            { label: "Members", value: company.memberCount },
          ]}
        />
      </SectionCard>
      <SectionCard
        title="Video domains"
        description="Your members' and rooms' addresses end in one of these."
      >
        <List spacing={4} listStyleType="none" p={0} aria-label="Video domains">
          {company.videoDomains.map((domain) => (
            <List.Item key={domain}>
              <Text ff="monospace" style={{ overflowWrap: "anywhere" }}>
                {domain}
              </Text>
            </List.Item>
          ))}
        </List>
        <Anchor component={Link} to={`/companies/${company.id}/settings`} size="sm">
          Domain setup and address counts in Company settings
        </Anchor>
      </SectionCard>
      <Paper withBorder radius="md" p="lg" bg="var(--mantine-color-gray-0)">
        <Text>
          Nothing more to manage here yet. This is where you will invite and manage your company's members,
          set up team meeting rooms and look after your video systems, with the number of licences you have
          left.
        </Text>
      </Paper>
    </Stack>
  );
}
