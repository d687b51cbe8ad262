import { Badge, Group, List, Stack, Text } from "@mantine/core";
import type { Company, DomainSetup } from "../../../api/types";
import { plural } from "../../../lib/format";

export const DOMAIN_SETUP_LABELS: Record<DomainSetup, string> = {
  service_subdomain: "Service subdomain",
  service_root: "Service root domain",
  hosted: "Domain hosting (custom domains)",
};

const DOMAIN_SETUP_EXPLANATIONS: Record<DomainSetup, string> = {
  service_subdomain: "The company's addresses end in its own subdomain of the service's domain.",
  service_root:
    "The company's addresses share the service's own domain, so each name must be unique across every company on the service.",
  hosted:
    "The company's addresses use its own domains. Names shorter than 6 characters are allowed, like ann@example.com.",
};

/** The company's video domains, how they were set up, and how many addresses use each. */
export function CompanyDomains({
  company,
}: {
  company: Pick<Company, "domainSetup" | "videoDomains" | "hostedDomains" | "addressCountsByDomain">;
}) {
  return (
    <Stack gap="sm">
      <div>
        <Text fw={500}>{DOMAIN_SETUP_LABELS[company.domainSetup] ?? company.domainSetup}</Text>
        <Text size="sm" c="dimmed">
          {DOMAIN_SETUP_EXPLANATIONS[company.domainSetup]} The domain of an existing address cannot change.
        </Text>
      </div>
      {company.videoDomains.length === 0 ? (
        <Text c="dimmed">No video domains yet.</Text>
      ) : (
        <List spacing="xs" listStyleType="none" aria-label="Video domains" p={0}>
          {company.videoDomains.map((domain, index) => (
            <List.Item key={domain}>
              <Group gap="xs" wrap="wrap">
                <Text ff="monospace" style={{ overflowWrap: "anywhere" }}>
                  {domain}
                </Text>
                {index === 0 && (
                  <Badge variant="light" size="sm">
                    Primary
                  </Badge>
                )}
                {company.hostedDomains.includes(domain) && (
                  <Badge variant="light" color="grape" size="sm">
                    Custom
                  </Badge>
                )}
                <Text size="sm" c="dimmed">
                  {plural(company.addressCountsByDomain[domain] ?? 0, "address", "addresses")}
                </Text>
              </Group>
            </List.Item>
          ))}
        </List>
      )}
    </Stack>
  );
}
