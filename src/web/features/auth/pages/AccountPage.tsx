import { SimpleGrid, Stack, Text } from "@mantine/core";
import { ErrorAlert } from "../../../components/ErrorAlert";
import { PageHeader } from "../../../components/PageHeader";
import { PageLoader } from "../../../components/PageLoader";
import { SectionCard } from "../../../components/SectionCard";
import { ApiTokensSection } from "../../api-tokens/components/ApiTokensSection";
import { DisplayNameForm } from "../../profile/components/DisplayNameForm";
import { OwnRoomForm } from "../../profile/components/OwnRoomForm";
import { useProfile } from "../../profile/queries";
import { TwoFactorSection } from "../../two-factor/components/TwoFactorSection";
import type { Me } from "../api";
import { ChangePasswordForm } from "../components/ChangePasswordForm";
import { useSignedInMe } from "../queries";

/** My profile: every account's name and password; a member's addresses and own meeting room. */
export function AccountPage() {
  const me = useSignedInMe();
  const profile = useProfile();

  return (
    <Stack gap="lg">
      <PageHeader title="My profile" description="How others see you, your meeting room and your password." />
      {profile.isPending && <PageLoader label="Loading your profile" />}
      {profile.error && <ErrorAlert title="Could not load your profile" message={profile.error.message} />}
      {profile.data && (
        <>
          <SectionCard title="Profile">
            <DisplayNameForm fullName={profile.data.fullName} />
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md" component="dl" m={0}>
              <ProfileField label="Email" value={profile.data.email} />
              <ProfileField label="Video address" value={profile.data.videoAddress ?? "None"} />
              <ProfileField label="Role" value={describeRole(me)} />
            </SimpleGrid>
            {me.kind === "member" && (
              <Text size="sm" c="dimmed">
                Your company administrator can change your email and video address.
              </Text>
            )}
          </SectionCard>
          {profile.data.personalRoom && (
            <SectionCard
              title="My meeting room"
              description="Your personal virtual meeting room. Host and guest PINs are optional."
            >
              <OwnRoomForm room={profile.data.personalRoom} />
            </SectionCard>
          )}
        </>
      )}
      <SectionCard
        title="Change password"
        description="Changing your password signs you out on all your other devices."
      >
        <ChangePasswordForm />
      </SectionCard>
      <TwoFactorSection />
      <ApiTokensSection />
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
