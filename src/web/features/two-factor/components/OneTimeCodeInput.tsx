import { TextInput, type TextInputProps } from "@mantine/core";

/** A 6-digit authenticator code: numeric keyboard, and the browser may fill it in from an SMS/app. */
export function OneTimeCodeInput(props: TextInputProps) {
  return (
    <TextInput
      autoComplete="one-time-code"
      inputMode="numeric"
      maxLength={7}
      required
      withAsterisk={false}
      {...props}
    />
  );
}

export const CODE_PROBLEM = "Enter the 6-digit code from your authenticator app.";

export function codeProblem(value: string): string | null {
  return /^\d{6}$/.test(value.replace(/\s/g, "")) ? null : CODE_PROBLEM;
}

export function recoveryCodeProblem(value: string): string | null {
  return /^[a-z0-9]{8}$/i.test(value.replace(/[\s-]/g, ""))
    ? null
    : "Enter one of your recovery codes, like abcd-2345.";
}
