import { Alert, Anchor, Button, Group, Stack, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useState } from "react";
import { Link } from "react-router";
import { emailProblem, normaliseEmail } from "../../../../domain/email";
import { ErrorAlert } from "../../../components/ErrorAlert";
import { PublicPage } from "../../../components/PublicPage";
import { applyServerErrors, focusFirstInvalidField } from "../../../lib/formErrors";
import { usePageTitle } from "../../../lib/usePageTitle";
import { useRequestPasswordReset } from "../queries";

export function ForgotPasswordPage() {
  usePageTitle("Forgot password");
  const requestReset = useRequestPasswordReset();
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm({
    initialValues: { email: "" },
    validate: { email: (value) => emailProblem(normaliseEmail(value)) },
  });

  const submit = form.onSubmit((values) => {
    setFormError(null);
    requestReset.mutate(
      { email: normaliseEmail(values.email) },
      { onError: (error) => setFormError(applyServerErrors(form, error)) },
    );
  }, focusFirstInvalidField);

  return (
    <PublicPage
      title="Forgot your password?"
      description="Enter the email address of your account and we'll send you a link to choose a new password."
    >
      {requestReset.isSuccess ? (
        <Alert color="green" variant="light" title="Check your email">
          If an account exists for that email, we've sent a link to reset the password. The link is valid for
          1 hour.
        </Alert>
      ) : (
        <form onSubmit={submit} noValidate>
          <Stack gap="md">
            <ErrorAlert message={formError} />
            <TextInput
              label="Email"
              type="email"
              autoComplete="email"
              required
              withAsterisk={false}
              {...form.getInputProps("email")}
            />
            <Button type="submit" loading={requestReset.isPending} disabled={requestReset.isPending}>
              Send reset link
            </Button>
          </Stack>
        </form>
      )}
      <Group justify="center">
        <Anchor component={Link} to="/sign-in" size="sm">
          Back to sign in
        </Anchor>
      </Group>
    </PublicPage>
  );
}
