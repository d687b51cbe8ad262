import { Alert, Anchor, Group, Text } from "@mantine/core";
import { Link } from "react-router";
import type { Company } from "../../../api/types";
import type { Me } from "../../auth/api";
import { managedCompanyPath } from "../../partner/partnerScope";

/**
 * Partner admins and operators can work inside a customer's company as its administrator.
 * This banner makes sure they never forget whose company they are changing, and that it is
 * recorded. It is a labelled region, not an alert, so it is not re-announced on every page.
 */
export function ActingBanner({ company, me }: { company: Company; me: Me }) {
  const backLabel = me.kind === "operator" ? "Back to the operator area" : "Back to partner portal";
  return (
    <Alert
      color="orange"
      variant="light"
      role="region"
      aria-label="Acting for a customer"
      className="acting-banner"
      styles={{ root: { boxShadow: "var(--mantine-shadow-xs)" } }}
    >
      <Group justify="space-between" gap="sm" wrap="wrap">
        <Text size="sm" fw={500} style={{ flex: "1 1 20rem" }}>
          You are acting as an administrator of {company.name} for {company.partner.name}. Your changes are
          recorded in the company's audit log.
        </Text>
        <Anchor component={Link} to={managedCompanyPath(me, company)} size="sm" fw={600}>
          {backLabel}
        </Anchor>
      </Group>
    </Alert>
  );
}
