import { Text, TextInput } from "@mantine/core";
import type { GetInputPropsReturnType } from "@mantine/form";

interface VideoAddressInputProps {
  label: string;
  /** The fixed part after the @, or null while it is not known yet. */
  domain: string | null;
  /** Said when the domain is not known, e.g. "Enter a custom domain above first." */
  unknownDomainHint: string;
  inputProps: GetInputPropsReturnType;
  onLocalPartChange: (local: string) => void;
}

/**
 * The name part of a video address, typed beside its fixed domain. Capitals become lowercase as
 * they are typed (the rule converts rather than rejects them); the full address is repeated in
 * the description so screen readers hear it too.
 */
export function VideoAddressInput({
  label,
  domain,
  unknownDomainHint,
  inputProps,
  onLocalPartChange,
}: VideoAddressInputProps) {
  const local = String(inputProps.value ?? "");
  const suffix = domain ? `@${domain}` : "@…";
  const description = domain
    ? `Full address: ${local || "name"}@${domain}`
    : `The domain follows from the domain setup. ${unknownDomainHint}`;
  return (
    <TextInput
      label={label}
      description={description}
      autoCapitalize="none"
      autoComplete="off"
      spellCheck={false}
      required
      withAsterisk={false}
      rightSection={
        <Text size="sm" c="dimmed" truncate="end" px="xs" aria-hidden="true">
          {suffix}
        </Text>
      }
      rightSectionWidth={`${Math.min(suffix.length + 3, 30)}ch`}
      rightSectionPointerEvents="none"
      {...inputProps}
      onChange={(event) => onLocalPartChange(event.currentTarget.value.toLowerCase())}
    />
  );
}
