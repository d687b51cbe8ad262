import { Text, TextInput } from "@mantine/core";
import type { GetInputPropsReturnType } from "@mantine/form";
import { pinWarnings } from "../../../../domain/pin";

interface PinFieldProps {
  label: string;
  description: string;
  inputProps: GetInputPropsReturnType;
}

/**
 * A room PIN: digits (optionally ending in #) on a numeric keypad. Rule breaks are errors;
 * easy-to-guess PINs get a yellow hint instead, since they are allowed.
 */
export function PinField({ label, description, inputProps }: PinFieldProps) {
  const value = String(inputProps.value ?? "");
  const warning = inputProps.error ? null : (pinWarnings(value)[0]?.message ?? null);
  return (
    <TextInput
      label={label}
      description={
        <>
          {description}
          {warning && (
            <Text span size="xs" c="yellow.9" fw={500} display="block" mt={2}>
              {warning}
            </Text>
          )}
        </>
      }
      inputMode="numeric"
      autoComplete="off"
      placeholder="No PIN"
      {...inputProps}
    />
  );
}
