import { Switch } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { ErrorAlert } from "../../../components/ErrorAlert";
import { PageLoader } from "../../../components/PageLoader";
import { SectionCard } from "../../../components/SectionCard";
import { useStaffTwoFactorSetting, useUpdateStaffTwoFactorSetting } from "../queries";

/** Service settings: require two-factor sign-in of operators and partner admins (saved at once). */
export function StaffTwoFactorSetting() {
  const setting = useStaffTwoFactorSetting();
  const update = useUpdateStaffTwoFactorSetting();

  const change = (requireTwoFactorForStaff: boolean) =>
    update.mutate(
      { requireTwoFactorForStaff },
      {
        onSuccess: () =>
          notifications.show({
            color: "green",
            title: "Sign-in security saved",
            message: requireTwoFactorForStaff
              ? "Operators and partner admins without two-factor sign-in set it up the next time they sign in."
              : "Operators and partner admins may sign in with a password alone.",
          }),
      },
    );

  return (
    <SectionCard
      title="Sign-in security"
      description="Company members choose for themselves on their profile page."
    >
      {setting.isPending && <PageLoader label="Loading the sign-in security setting" />}
      {setting.error && <ErrorAlert title="Could not load the setting" message={setting.error.message} />}
      <ErrorAlert message={update.error?.message ?? null} />
      {setting.data && (
        <Switch
          label="Require two-factor sign-in for operators and partner admins"
          description="They must sign in with a code from an authenticator app; those without one set it up at their next sign-in. Sessions already open stay open."
          checked={
            update.isPending
              ? Boolean(update.variables?.requireTwoFactorForStaff)
              : setting.data.requireTwoFactorForStaff
          }
          disabled={update.isPending}
          onChange={(event) => change(event.currentTarget.checked)}
        />
      )}
    </SectionCard>
  );
}
