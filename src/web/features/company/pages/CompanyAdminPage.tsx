import { Anchor, Button, Group, List, Stack, Text } from "@mantine/core";
import { Link } from "react-router";
import { PageHeader } from "../../../components/PageHeader";
import { SectionCard } from "../../../components/SectionCard";
import { UsageText } from "../../../components/UsageText";
import { CompanyFacts } from "../components/CompanyFacts";
import { useScopedCompany } from "../components/CompanyScope";

/**
 * The company administration overview: licences, domains and the way to the members. Team
 * rooms and video systems arrive in later issues.
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
      <SectionCard
        title="Members"
        description="Invite people, manage their addresses, personal meeting rooms and access rights."
      >
        <Group>
          <Button component={Link} to={`/companies/${company.id}/admin/members`} variant="light">
            Manage members
          </Button>
        </Group>
      </SectionCard>
    </Stack>
  );
}
