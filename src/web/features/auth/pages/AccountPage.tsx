import { Paper, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import { usePageTitle } from "../../../lib/usePageTitle";
import type { Me } from "../api";
import { ChangePasswordForm } from "../components/ChangePasswordForm";
import { useSignedInMe } from "../queries";

export function AccountPage() {
  usePageTitle("My account");
  const me = useSignedInMe();

  return (
    <Stack gap="xl">
      <Title order={1}>My account</Title>
      <Paper withBorder radius="md" p="lg" component="section" aria-labelledby="profile-heading">
        <Title order={2} size="h3" id="profile-heading" mb="md">
          Profile
        </Title>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md" component="dl" m={0}>
          <ProfileField label="Full name" value={me.fullName} />
          <ProfileField label="Email" value={me.email} />
          <ProfileField label="Video address" value={me.videoAddress ?? "None"} />
          <ProfileField label="Role" value={describeRole(me)} />
        </SimpleGrid>
        {me.kind === "member" && (
          <Text size="sm" c="dimmed" mt="md">
            Your company administrator can change your name and addresses.
          </Text>
        )}
      </Paper>
      <Paper withBorder radius="md" p="lg" component="section" aria-labelledby="password-heading">
        <Title order={2} size="h3" id="password-heading" mb="xs">
          Change password
        </Title>
        <Text size="sm" c="dimmed" mb="md">
          Changing your password signs you out on all your other devices.
        </Text>
        <ChangePasswordForm />
      </Paper>
    </Stack>
  );
}

function ProfileField({ label, value }: { label: string; value: string }) {
  return (
    <div>
      <Text component="dt" size="sm" c="dimmed">
        {label}
      </Text>
      <Text component="dd" m={0} fw={500} style={{ overflowWrap: "anywhere" }}>
        {value}
      </Text>
    </div>
  );
}

function describeRole(me: Me): string {
  if (me.kind === "operator") return "Service operator";
  if (me.kind === "partner_admin") return `Partner administrator${me.partner ? ` · ${me.partner.name}` : ""}`;
  const role = me.role === "admin" ? "Company administrator" : "Member";
  return me.company ? `${role} · ${me.company.name}` : role;
}
