import { Alert, Anchor, Button, Group, PasswordInput, Stack, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useState } from "react";
import { Link, Navigate, useNavigate, useSearchParams } from "react-router";
import { ErrorAlert } from "../../../components/ErrorAlert";
import { PageLoader } from "../../../components/PageLoader";
import { PublicPage } from "../../../components/PublicPage";
import { applyServerErrors, focusFirstInvalidField } from "../../../lib/formErrors";
import { safeNextPath } from "../../../lib/safeRedirect";
import { usePageTitle } from "../../../lib/usePageTitle";
import { useSetupStatus } from "../../setup/queries";
import { SsoErrorAlert, SsoSignInOption, useSsoSignIn } from "../../sso/components/SsoSignInOption";
import { isTwoFactorChallenge, type TwoFactorChallenge } from "../../two-factor/api";
import { SecondFactorStep } from "../../two-factor/components/SecondFactorStep";
import { useLogin, useMe } from "../queries";

export function SignInPage() {
  usePageTitle("Sign in");
  const [searchParams] = useSearchParams();
  const next = safeNextPath(searchParams.get("next"));
  const navigate = useNavigate();
  const me = useMe();
  const setupStatus = useSetupStatus();
  const signIn = useLogin();
  const [formError, setFormError] = useState<string | null>(null);
  // Two-factor sign-in: a right password may answer a challenge for the second step.
  const [challenge, setChallenge] = useState<TwoFactorChallenge | null>(null);

  const form = useForm({
    initialValues: { login: searchParams.get("login") ?? "", password: "" },
    validate: {
      login: (value) => (value.trim() ? null : "Enter your email or video address."),
      password: (value) => (value ? null : "Enter your password."),
    },
  });
  // Single sign-on: offered (or required) from the typed email's domain (features/sso).
  const sso = useSsoSignIn(form.values.login);

  if (me.isPending) return <PageLoader />;
  // Already signed in (e.g. a bookmarked sign-in page): go straight on.
  if (me.data && !signIn.isPending && !challenge) return <Navigate to={next} replace />;
  if (challenge) {
    return (
      <SecondFactorStep
        challenge={challenge}
        onSignedIn={() => navigate(next, { replace: true })}
        onRestart={(message) => {
          setChallenge(null);
          setFormError(message);
          form.setFieldValue("password", "");
        }}
      />
    );
  }

  const submit = form.onSubmit((values) => {
    setFormError(null);
    signIn.mutate(
      { login: values.login.trim(), password: values.password },
      {
        onSuccess: (result) =>
          isTwoFactorChallenge(result) ? setChallenge(result) : navigate(next, { replace: true }),
        onError: (error) => {
          setFormError(applyServerErrors(form, error));
          form.setFieldValue("password", "");
        },
      },
    );
  }, focusFirstInvalidField);

  return (
    <PublicPage title="Sign in" description="Sign in to manage your video meetings.">
      {setupStatus.data?.setupRequired && (
        <Alert color="blue" variant="light" title="Setup needed">
          Confero is not set up yet. Open the one-time setup link printed in the server log.
        </Alert>
      )}
      <form onSubmit={sso.passwordAllowed ? submit : sso.continueWithSso} noValidate>
        <Stack gap="md">
          <SsoErrorAlert />
          <ErrorAlert message={formError} />
          <TextInput
            label="Email or video address"
            autoComplete="username"
            required
            withAsterisk={false}
            autoFocus
            {...form.getInputProps("login")}
          />
          <SsoSignInOption sso={sso} />
          {sso.passwordAllowed && (
            <>
              <PasswordInput
                label="Password"
                autoComplete="current-password"
                required
                withAsterisk={false}
                {...form.getInputProps("password")}
              />
              <Group justify="space-between" align="center" wrap="wrap">
                <Anchor component={Link} to="/forgot-password" size="sm">
                  Forgot your password?
                </Anchor>
                <Button type="submit" loading={signIn.isPending} disabled={signIn.isPending}>
                  Sign in
                </Button>
              </Group>
            </>
          )}
        </Stack>
      </form>
    </PublicPage>
  );
}
