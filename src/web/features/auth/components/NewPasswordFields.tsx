import { PasswordInput } from "@mantine/core";
import type { GetInputPropsReturnType } from "@mantine/form";

interface NewPasswordFieldsProps {
  /** "Password" at setup, "New password" where one is being replaced. */
  label: string;
  password: GetInputPropsReturnType;
  confirmation: GetInputPropsReturnType;
}

/**
 * A new password and its confirmation, the same in every form that sets one (setup, reset,
 * change); validated with `validateNewPassword`/`validateConfirmation`. Inputs are required
 * but show no asterisk, so their accessible names stay exactly their labels.
 */
export function NewPasswordFields({ label, password, confirmation }: NewPasswordFieldsProps) {
  return (
    <>
      <PasswordInput
        label={label}
        description="At least 10 characters."
        autoComplete="new-password"
        required
        withAsterisk={false}
        {...password}
      />
      <PasswordInput
        label="Confirm password"
        autoComplete="new-password"
        required
        withAsterisk={false}
        {...confirmation}
      />
    </>
  );
}
