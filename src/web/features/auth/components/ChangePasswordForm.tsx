import { Button, Group, PasswordInput, Stack } from "@mantine/core";
import { useForm } from "@mantine/form";
import { notifications } from "@mantine/notifications";
import { useState } from "react";
import { ErrorAlert } from "../../../components/ErrorAlert";
import { applyServerErrors, focusFirstInvalidField } from "../../../lib/formErrors";
import { validateConfirmation, validateNewPassword } from "../passwordRules";
import { useChangePassword } from "../queries";
import { NewPasswordFields } from "./NewPasswordFields";

export function ChangePasswordForm() {
  const changePassword = useChangePassword();
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm({
    initialValues: { currentPassword: "", newPassword: "", confirmPassword: "" },
    validate: {
      currentPassword: (value) => (value ? null : "Enter your current password."),
      newPassword: (value, values) =>
        validateNewPassword(value) ??
        (value === values.currentPassword ? "Choose a password different from the current one." : null),
      confirmPassword: (value, values) => validateConfirmation(value, values.newPassword),
    },
  });

  const submit = form.onSubmit((values) => {
    setFormError(null);
    changePassword.mutate(
      { currentPassword: values.currentPassword, newPassword: values.newPassword },
      {
        onSuccess: () => {
          form.reset();
          notifications.show({
            color: "green",
            title: "Password changed",
            message: "Password changed. You have been signed out on all other devices.",
          });
        },
        onError: (error) => setFormError(applyServerErrors(form, error)),
      },
    );
  }, focusFirstInvalidField);

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md" maw={420}>
        <ErrorAlert message={formError} />
        <PasswordInput
          label="Current password"
          autoComplete="current-password"
          required
          withAsterisk={false}
          {...form.getInputProps("currentPassword")}
        />
        <NewPasswordFields
          label="New password"
          password={form.getInputProps("newPassword")}
          confirmation={form.getInputProps("confirmPassword")}
        />
        <Group>
          <Button type="submit" loading={changePassword.isPending} disabled={changePassword.isPending}>
            Change password
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
