import { Button, CopyButton, Group, Image, Stack, Text, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useState } from "react";
import { ErrorAlert } from "../../../components/ErrorAlert";
import { applyServerErrors, focusFirstInvalidField } from "../../../lib/formErrors";
import type { TotpEnrolment } from "../api";
import { codeProblem, OneTimeCodeInput } from "./OneTimeCodeInput";

interface TotpEnrolmentFormProps {
  enrolment: TotpEnrolment;
  /** Sends the first code; `onError` gets the server's refusal. */
  onConfirm: (code: string, onError: (error: unknown) => void) => void;
  pending: boolean;
  onCancel?: () => void;
}

/** Scan the QR code (or type the setup key), then prove it worked with the first code. */
export function TotpEnrolmentForm({ enrolment, onConfirm, pending, onCancel }: TotpEnrolmentFormProps) {
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm({ initialValues: { code: "" }, validate: { code: codeProblem } });
  const submit = form.onSubmit((values) => {
    setFormError(null);
    onConfirm(values.code.replace(/\s/g, ""), (error) => {
      // Cleared first: changing a value clears its error.
      form.setFieldValue("code", "");
      setFormError(applyServerErrors(form, error));
    });
  }, focusFirstInvalidField);

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <Text size="sm">
          Scan this QR code with an authenticator app (such as Google Authenticator, Microsoft Authenticator
          or 1Password), then enter the 6-digit code it shows.
        </Text>
        <Image
          src={enrolment.qrCode}
          alt="QR code for setting up your authenticator app"
          w={200}
          h={200}
          fit="contain"
        />
        <Group align="flex-end" gap="sm" wrap="nowrap">
          <TextInput
            label="Setup key"
            description="Can't scan the code? Enter this key in your app instead."
            value={enrolment.secret}
            readOnly
            ff="monospace"
            style={{ flex: 1 }}
          />
          <CopyButton value={enrolment.secret.replace(/\s/g, "")}>
            {({ copied, copy }) => (
              <Button variant="light" onClick={copy}>
                {copied ? "Copied" : "Copy key"}
              </Button>
            )}
          </CopyButton>
        </Group>
        <ErrorAlert message={formError} />
        <OneTimeCodeInput
          label="Code from your authenticator app"
          autoFocus
          maw={240}
          {...form.getInputProps("code")}
        />
        <Group gap="sm">
          <Button type="submit" loading={pending} disabled={pending}>
            Turn on two-factor sign-in
          </Button>
          {onCancel && (
            <Button variant="default" onClick={onCancel} disabled={pending}>
              Cancel
            </Button>
          )}
        </Group>
      </Stack>
    </form>
  );
}
