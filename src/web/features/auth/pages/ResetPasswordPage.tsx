import { Alert, Anchor, Button, Group, Stack } from "@mantine/core";
import { useForm } from "@mantine/form";
import { notifications } from "@mantine/notifications";
import { useState } from "react";
import { Link, useSearchParams } from "react-router";
import { isApiError } from "../../../api/client";
import { ErrorAlert } from "../../../components/ErrorAlert";
import { PublicPage } from "../../../components/PublicPage";
import { applyServerErrors, focusFirstInvalidField } from "../../../lib/formErrors";
import { usePageTitle } from "../../../lib/usePageTitle";
import { NewPasswordFields } from "../components/NewPasswordFields";
import { validateConfirmation, validateNewPassword } from "../passwordRules";
import { useConfirmPasswordReset } from "../queries";

export function ResetPasswordPage() {
  usePageTitle("Reset password");
  const [searchParams] = useSearchParams();
  const token = searchParams.get("token") ?? "";
  const confirmReset = useConfirmPasswordReset();
  const [formError, setFormError] = useState<string | null>(null);
  const [linkExpired, setLinkExpired] = useState(false);
  const form = useForm({
    initialValues: { password: "", confirmPassword: "" },
    validate: {
      password: validateNewPassword,
      confirmPassword: (value, values) => validateConfirmation(value, values.password),
    },
  });

  const submit = form.onSubmit((values) => {
    setFormError(null);
    confirmReset.mutate(
      { token, password: values.password },
      {
        onSuccess: () => {
          notifications.show({
            color: "green",
            title: "Password reset",
            message: "Your password has been changed. Sign in with your new password.",
          });
        },
        onError: (error) => {
          if (isApiError(error) && error.code === "INVALID_TOKEN") setLinkExpired(true);
          else setFormError(applyServerErrors(form, error));
        },
      },
    );
  }, focusFirstInvalidField);

  if (!token || linkExpired) {
    return (
      <PublicPage title="Reset password">
        <Alert color="red" variant="light" title="This link no longer works">
          This password reset link is invalid, has expired or has already been used. Reset links are valid for
          1 hour and work once.
        </Alert>
        <Button component={Link} to="/forgot-password" variant="light">
          Request a new link
        </Button>
      </PublicPage>
    );
  }

  if (confirmReset.isSuccess) {
    return (
      <PublicPage title="Reset password">
        <Alert color="green" variant="light" title="Password changed">
          Your password has been changed. You can now sign in with your new password.
        </Alert>
        <Button component={Link} to="/sign-in">
          Sign in
        </Button>
      </PublicPage>
    );
  }

  return (
    <PublicPage title="Reset password" description="Choose a new password of at least 10 characters.">
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <ErrorAlert message={formError} />
          <NewPasswordFields
            label="New password"
            password={form.getInputProps("password")}
            confirmation={form.getInputProps("confirmPassword")}
          />
          <Button type="submit" loading={confirmReset.isPending} disabled={confirmReset.isPending}>
            Reset password
          </Button>
        </Stack>
      </form>
      <Group justify="center">
        <Anchor component={Link} to="/sign-in" size="sm">
          Back to sign in
        </Anchor>
      </Group>
    </PublicPage>
  );
}
