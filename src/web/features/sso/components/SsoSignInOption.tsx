import { Alert, Button, Divider, Stack, Text, UnstyledButton } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { type FormEvent, useState } from "react";
import { useSearchParams } from "react-router";
import { ssoStartUrl } from "../api";
import { useSsoAvailability } from "../queries";
import { ssoErrorMessage } from "../ssoErrors";

/**
 * Single sign-on on the sign-in page. Once the typed login looks like an email, its domain is
 * looked up (debounced); when the email's company signs in through an identity provider this
 * offers "Continue with single sign-on" beside the password form, or — when the company requires
 * it — instead of it, with a way out for the company's break-glass admin.
 */
export function useSsoSignIn(login: string) {
  const [typed] = useDebouncedValue(login, 400);
  const { email, availability } = useSsoAvailability(typed);
  // "Use my password" holds for the email it was chosen for; another email asks again.
  const [passwordFor, setPasswordFor] = useState<string | null>(null);
  const passwordAllowed = availability !== "required" || passwordFor === email;
  return {
    email,
    availability,
    passwordAllowed,
    usePasswordAnyway: () => setPasswordFor(email),
    /** The form's submit while passwords are off: Enter continues with single sign-on. */
    continueWithSso: (event?: FormEvent) => {
      event?.preventDefault();
      window.location.assign(ssoStartUrl(email));
    },
  };
}

export type SsoSignIn = ReturnType<typeof useSsoSignIn>;

/** Off to the company's identity provider for `email` (the sign-in page, invitation links). */
export function ContinueWithSsoButton({ email, primary }: { email: string; primary: boolean }) {
  return (
    <Button component="a" href={ssoStartUrl(email)} variant={primary ? "filled" : "default"} fullWidth>
      Continue with single sign-on
    </Button>
  );
}

export function SsoSignInOption({ sso }: { sso: SsoSignIn }) {
  if (sso.availability === "none") return null;
  const button = <ContinueWithSsoButton email={sso.email} primary={!sso.passwordAllowed} />;
  if (sso.availability === "available") {
    return (
      <Stack gap="xs">
        {button}
        <Divider label="or use your password" labelPosition="center" />
      </Stack>
    );
  }
  return (
    <Stack gap="xs">
      <Alert color="blue" variant="light" title="Your company uses single sign-on">
        Sign in through your company's identity provider; passwords are turned off for your account.
      </Alert>
      {button}
      {!sso.passwordAllowed && (
        <Text size="sm" ta="center">
          <UnstyledButton fz="sm" c="dimmed" td="underline" onClick={sso.usePasswordAnyway}>
            I'm the company's break-glass administrator: use my password
          </UnstyledButton>
        </Text>
      )}
    </Stack>
  );
}

/** Why single sign-on sent the browser back here (`?sso_error=`), as an alert. */
export function SsoErrorAlert() {
  const [searchParams] = useSearchParams();
  const code = searchParams.get("sso_error");
  if (!code) return null;
  return (
    <Alert color="red" variant="light" title="Single sign-on did not work" role="alert">
      {ssoErrorMessage(code)}
    </Alert>
  );
}
