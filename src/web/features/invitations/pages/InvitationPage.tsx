import { Alert, Button, Divider, SimpleGrid, Stack, Text } from "@mantine/core";
import { useForm } from "@mantine/form";
import { notifications } from "@mantine/notifications";
import { useState } from "react";
import { Link, useNavigate, useParams } from "react-router";
import { isApiError } from "../../../api/client";
import type { Invitation } from "../../../api/types";
import { ErrorAlert } from "../../../components/ErrorAlert";
import { PageLoader } from "../../../components/PageLoader";
import { PublicPage } from "../../../components/PublicPage";
import { formatDateTime } from "../../../lib/formatDate";
import { applyServerErrors, focusFirstInvalidField } from "../../../lib/formErrors";
import { usePageTitle } from "../../../lib/usePageTitle";
import { NewPasswordFields } from "../../auth/components/NewPasswordFields";
import { validateConfirmation, validateNewPassword } from "../../auth/passwordRules";
import { ContinueWithSsoButton } from "../../sso/components/SsoSignInOption";
import { isSignInRequired } from "../api";
import { useAcceptInvitation, useInvitation } from "../queries";

/**
 * /invitations/:token — the link in an invitation email: choose a password, and you are in. When
 * the company signs its members in through its identity provider, the page offers that too; when
 * it requires it, that is the only way (signing in there activates the account).
 */
export function InvitationPage() {
  usePageTitle("Accept invitation");
  const { token = "" } = useParams();
  const invitation = useInvitation(token);
  const [linkStopped, setLinkStopped] = useState(false);

  if (invitation.isPending) return <PageLoader label="Loading the invitation" />;
  if (linkStopped || isApiError(invitation.error, 404)) return <InvalidInvitation />;
  if (invitation.data?.singleSignOn === "required")
    return <AcceptWithSingleSignOn invitation={invitation.data} />;
  if (invitation.error) {
    return (
      <PublicPage title="Accept invitation">
        <ErrorAlert title="Could not load the invitation" message={invitation.error.message} />
        <Button variant="light" onClick={() => invitation.refetch()}>
          Try again
        </Button>
      </PublicPage>
    );
  }
  return (
    <AcceptInvitation token={token} invitation={invitation.data} onLinkStopped={() => setLinkStopped(true)} />
  );
}

function InvalidInvitation() {
  return (
    <PublicPage title="This invitation link no longer works">
      <Alert color="red" variant="light">
        This invitation link is invalid, has expired or has already been used. Invitation links work once and
        are valid for 30 days; ask whoever invited you to send a new one.
      </Alert>
      <Text size="sm">If you have already chosen a password, sign in with it.</Text>
      <Button component={Link} to="/sign-in">
        Sign in
      </Button>
    </PublicPage>
  );
}

function AcceptWithSingleSignOn({ invitation }: { invitation: Invitation }) {
  return (
    <PublicPage title={`Welcome to ${invitation.companyName ?? "Confero"}`} width={480}>
      <InvitationDetails invitation={invitation} />
      <Alert color="blue" variant="light" title="Your company uses single sign-on">
        You sign in through your company's identity provider, with the account you use at work: there is no
        password to choose. Signing in activates your Confero account.
      </Alert>
      <ContinueWithSsoButton email={invitation.email} primary />
    </PublicPage>
  );
}

function InvitationDetails({ invitation }: { invitation: Invitation }) {
  return (
    <SimpleGrid cols={1} spacing="xs" component="dl" m={0}>
      <Detail label="Name" value={invitation.fullName} />
      <Detail label="Email" value={invitation.email} />
      {invitation.videoAddress && <Detail label="Video address" value={invitation.videoAddress} />}
    </SimpleGrid>
  );
}

interface AcceptInvitationProps {
  token: string;
  invitation: Invitation;
  onLinkStopped: () => void;
}

function AcceptInvitation({ token, invitation, onLinkStopped }: AcceptInvitationProps) {
  const accept = useAcceptInvitation(token);
  const navigate = useNavigate();
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm({
    initialValues: { password: "", confirmPassword: "" },
    validate: {
      password: validateNewPassword,
      confirmPassword: (value, values) => validateConfirmation(value, values.password),
    },
  });
  const organisation = invitation.companyName ?? invitation.partnerName ?? "Confero";

  const submit = form.onSubmit((values) => {
    setFormError(null);
    accept.mutate(
      { password: values.password },
      {
        onSuccess: (me) => {
          if (isSignInRequired(me)) {
            notifications.show({
              color: "green",
              title: "Your account is ready",
              message: "Sign in now to set up two-factor sign-in, which this service requires.",
            });
            navigate(`/sign-in?login=${encodeURIComponent(me.login)}`, { replace: true });
            return;
          }
          notifications.show({
            color: "green",
            title: `Welcome, ${me.fullName}`,
            message: "Your account is ready and you are signed in.",
          });
          navigate("/", { replace: true });
        },
        onError: (error) => {
          // Used or expired while the page was open (e.g. accepted in another tab).
          if (isApiError(error, 404)) onLinkStopped();
          else setFormError(applyServerErrors(form, error));
        },
      },
    );
  }, focusFirstInvalidField);

  return (
    <PublicPage title={`Welcome to ${organisation}`} description={describeRole(invitation)} width={480}>
      <InvitationDetails invitation={invitation} />
      {invitation.singleSignOn === "available" && (
        <Stack gap="xs">
          <ContinueWithSsoButton email={invitation.email} primary={false} />
          <Divider label="or choose a password" labelPosition="center" />
        </Stack>
      )}
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <Text fw={600} component="h2" size="lg" m={0}>
            Choose a password
          </Text>
          <ErrorAlert message={formError} />
          <NewPasswordFields
            label="Password"
            password={form.getInputProps("password")}
            confirmation={form.getInputProps("confirmPassword")}
          />
          <Button type="submit" loading={accept.isPending}>
            Activate account
          </Button>
          <Text size="xs" c="dimmed">
            This link is valid until {formatDateTime(invitation.expiresAt)}.
          </Text>
        </Stack>
      </form>
    </PublicPage>
  );
}

function describeRole(invitation: Invitation): string {
  if (invitation.kind === "partner_admin") {
    return `You have been invited to look after the customer companies of ${invitation.partnerName ?? "your partner organisation"}. Choose a password to activate your account.`;
  }
  return `You have been invited to join ${invitation.companyName ?? "your company"}. Choose a password to activate your account.`;
}

function Detail({ label, value }: { label: string; value: string }) {
  return (
    <div>
      <Text component="dt" size="xs" c="dimmed">
        {label}
      </Text>
      <Text component="dd" m={0} fw={500} style={{ overflowWrap: "anywhere" }}>
        {value}
      </Text>
    </div>
  );
}
