import { Anchor, Button, Group, Stack, Text } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { isApiError } from "../../../api/client";
import { ErrorAlert } from "../../../components/ErrorAlert";
import { PublicPage } from "../../../components/PublicPage";
import { applyServerErrors, focusFirstInvalidField } from "../../../lib/formErrors";
import { fetchMe } from "../../auth/api";
import { enterSession } from "../../auth/queries";
import type { TotpEnrolment, TwoFactorChallenge } from "../api";
import { useCompleteSignIn, useConfirmSignInEnrolment, useStartSignInEnrolment } from "../queries";
import { codeProblem, OneTimeCodeInput, recoveryCodeProblem } from "./OneTimeCodeInput";
import { RecoveryCodesPanel } from "./RecoveryCodesPanel";
import { TotpEnrolmentForm } from "./TotpEnrolmentForm";

interface SecondFactorStepProps {
  challenge: TwoFactorChallenge;
  /** The session has started. */
  onSignedIn: () => void;
  /** Back to the password (cancelled, or the challenge expired or burned: `message` says why). */
  onRestart: (message: string | null) => void;
}

/** The sign-in page after a right password, when a code (or setting one up) is needed. */
export function SecondFactorStep(props: SecondFactorStepProps) {
  return props.challenge.status === "two_factor_required" ? (
    <CodeStep {...props} />
  ) : (
    <EnrolStep {...props} />
  );
}

/** A spent challenge cannot be retried: the password step starts again with the reason. */
function restartsSignIn(error: unknown): boolean {
  return isApiError(error) && error.code === "INVALID_TOKEN";
}

function CodeStep({ challenge, onSignedIn, onRestart }: SecondFactorStepProps) {
  const complete = useCompleteSignIn();
  const [useRecovery, setUseRecovery] = useState(false);
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm({
    initialValues: { code: "", recoveryCode: "" },
    validate: {
      code: (value) => (useRecovery ? null : codeProblem(value)),
      recoveryCode: (value) => (useRecovery ? recoveryCodeProblem(value) : null),
    },
  });
  const submit = form.onSubmit((values) => {
    setFormError(null);
    const factor = useRecovery
      ? { recoveryCode: values.recoveryCode.trim() }
      : { code: values.code.replace(/\s/g, "") };
    complete.mutate(
      { challenge: challenge.challenge, ...factor },
      {
        onSuccess: onSignedIn,
        onError: (error) => {
          if (restartsSignIn(error)) return onRestart(error instanceof Error ? error.message : null);
          // Cleared first: changing a value clears its error.
          form.setValues({ code: "", recoveryCode: "" });
          setFormError(applyServerErrors(form, error));
        },
      },
    );
  }, focusFirstInvalidField);

  return (
    <PublicPage title="Two-factor sign-in" description="Your account is protected with an authenticator app.">
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <ErrorAlert message={formError} />
          {useRecovery ? (
            <OneTimeCodeInput
              key="recovery"
              label="Recovery code"
              description="Enter one of the recovery codes you saved. Each works once."
              inputMode="text"
              autoComplete="off"
              maxLength={20}
              autoFocus
              {...form.getInputProps("recoveryCode")}
            />
          ) : (
            <OneTimeCodeInput
              key="code"
              label="Authentication code"
              description="Enter the 6-digit code from your authenticator app."
              autoFocus
              {...form.getInputProps("code")}
            />
          )}
          <Anchor
            component="button"
            type="button"
            size="sm"
            ta="left"
            onClick={() => {
              setUseRecovery(!useRecovery);
              form.clearErrors();
            }}
          >
            {useRecovery ? "Use your authenticator app instead" : "Use a recovery code instead"}
          </Anchor>
          <Group justify="space-between">
            <Button variant="default" onClick={() => onRestart(null)} disabled={complete.isPending}>
              Back
            </Button>
            <Button type="submit" loading={complete.isPending} disabled={complete.isPending}>
              Verify
            </Button>
          </Group>
        </Stack>
      </form>
    </PublicPage>
  );
}

/** Staff on a service that requires two-factor sign-in and who have none yet: set it up now. */
function EnrolStep({ challenge, onSignedIn, onRestart }: SecondFactorStepProps) {
  const queryClient = useQueryClient();
  const start = useStartSignInEnrolment();
  const confirm = useConfirmSignInEnrolment();
  const [enrolment, setEnrolment] = useState<TotpEnrolment | null>(null);
  const [codes, setCodes] = useState<string[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  const fail = (cause: unknown) => {
    if (restartsSignIn(cause)) onRestart(cause instanceof Error ? cause.message : null);
    else setError(cause instanceof Error ? cause.message : "Something went wrong. Try again.");
  };
  const begin = () => {
    setError(null);
    start.mutate({ challenge: challenge.challenge }, { onSuccess: setEnrolment, onError: fail });
  };
  const finish = (code: string, onError: (cause: unknown) => void) =>
    confirm.mutate(
      { challenge: challenge.challenge, code },
      {
        onSuccess: (result) => setCodes(result.recoveryCodes),
        onError: (cause) => (restartsSignIn(cause) ? fail(cause) : onError(cause)),
      },
    );
  // The session cookie is already set; Me is loaded once the codes are saved.
  const goOn = async () => {
    const me = await fetchMe();
    if (me) await enterSession(queryClient, me);
    onSignedIn();
  };

  return (
    <PublicPage
      title="Set up two-factor sign-in"
      description="This service requires two-factor sign-in for operators and partner admins."
      width={480}
    >
      <ErrorAlert message={error} />
      {codes ? (
        <RecoveryCodesPanel codes={codes} doneLabel="Continue" onDone={goOn} />
      ) : enrolment ? (
        <TotpEnrolmentForm
          enrolment={enrolment}
          onConfirm={finish}
          pending={confirm.isPending}
          onCancel={() => onRestart(null)}
        />
      ) : (
        <Stack gap="md">
          <Text size="sm">
            Before you can continue, connect an authenticator app on your phone. It takes a minute.
          </Text>
          <Group justify="space-between">
            <Button variant="default" onClick={() => onRestart(null)}>
              Back
            </Button>
            <Button onClick={begin} loading={start.isPending} autoFocus>
              Set up two-factor sign-in
            </Button>
          </Group>
        </Stack>
      )}
    </PublicPage>
  );
}
