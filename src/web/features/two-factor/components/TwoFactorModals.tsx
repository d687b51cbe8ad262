import { Anchor, Button, Group, Modal, PasswordInput, Stack, Text } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useState } from "react";
import { ErrorAlert } from "../../../components/ErrorAlert";
import { applyServerErrors, focusFirstInvalidField } from "../../../lib/formErrors";
import { useDisableTwoFactor, useRegenerateRecoveryCodes } from "../queries";
import { codeProblem, OneTimeCodeInput, recoveryCodeProblem } from "./OneTimeCodeInput";

interface ModalProps {
  opened: boolean;
  onClose: () => void;
}

/** Turning it off is confirmed with the password and a code (or a recovery code). */
export function DisableTwoFactorModal({
  opened,
  onClose,
  onDisabled,
}: ModalProps & { onDisabled: () => void }) {
  const disable = useDisableTwoFactor();
  const [useRecovery, setUseRecovery] = useState(false);
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm({
    initialValues: { password: "", code: "", recoveryCode: "" },
    validate: {
      password: (value) => (value ? null : "Enter your password."),
      code: (value) => (useRecovery ? null : codeProblem(value)),
      recoveryCode: (value) => (useRecovery ? recoveryCodeProblem(value) : null),
    },
  });
  const close = () => {
    form.reset();
    setFormError(null);
    setUseRecovery(false);
    onClose();
  };
  const submit = form.onSubmit((values) => {
    setFormError(null);
    const factor = useRecovery
      ? { recoveryCode: values.recoveryCode.trim() }
      : { code: values.code.replace(/\s/g, "") };
    disable.mutate(
      { password: values.password, ...factor },
      {
        onSuccess: () => {
          close();
          onDisabled();
        },
        onError: (error) => setFormError(applyServerErrors(form, error)),
      },
    );
  }, focusFirstInvalidField);

  return (
    <Modal
      opened={opened}
      onClose={close}
      title="Turn off two-factor sign-in?"
      closeButtonProps={{ "aria-label": "Close" }}
    >
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <Text size="sm">
            Your password alone will sign you in again, and your recovery codes stop working. Confirm with
            your password and a code.
          </Text>
          <ErrorAlert message={formError} />
          <PasswordInput
            label="Password"
            autoComplete="current-password"
            required
            withAsterisk={false}
            data-autofocus
            {...form.getInputProps("password")}
          />
          {useRecovery ? (
            <OneTimeCodeInput
              label="Recovery code"
              inputMode="text"
              autoComplete="off"
              maxLength={20}
              {...form.getInputProps("recoveryCode")}
            />
          ) : (
            <OneTimeCodeInput label="Code from your authenticator app" {...form.getInputProps("code")} />
          )}
          <Anchor component="button" type="button" size="sm" onClick={() => setUseRecovery(!useRecovery)}>
            {useRecovery ? "Use your authenticator app instead" : "Use a recovery code instead"}
          </Anchor>
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              Cancel
            </Button>
            <Button type="submit" color="red" loading={disable.isPending}>
              Turn off
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

/** New codes replace every old one, so this is confirmed with a current code. */
export function RegenerateCodesModal({
  opened,
  onClose,
  onCodes,
}: ModalProps & { onCodes: (codes: string[]) => void }) {
  const regenerate = useRegenerateRecoveryCodes();
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm({ initialValues: { code: "" }, validate: { code: codeProblem } });
  const close = () => {
    form.reset();
    setFormError(null);
    onClose();
  };
  const submit = form.onSubmit((values) => {
    setFormError(null);
    regenerate.mutate(
      { code: values.code.replace(/\s/g, "") },
      {
        onSuccess: (result) => {
          close();
          onCodes(result.recoveryCodes);
        },
        onError: (error) => setFormError(applyServerErrors(form, error)),
      },
    );
  }, focusFirstInvalidField);

  return (
    <Modal
      opened={opened}
      onClose={close}
      title="Regenerate recovery codes?"
      closeButtonProps={{ "aria-label": "Close" }}
    >
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <Text size="sm">Your current recovery codes stop working and ten new ones are shown once.</Text>
          <ErrorAlert message={formError} />
          <OneTimeCodeInput
            label="Code from your authenticator app"
            data-autofocus
            {...form.getInputProps("code")}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              Cancel
            </Button>
            <Button type="submit" color="red" loading={regenerate.isPending}>
              Replace recovery codes
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
