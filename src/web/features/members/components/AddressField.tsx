import { Group, Select, Text, TextInput } from "@mantine/core";
import type { ReactNode } from "react";

interface AddressFieldProps {
  label: string;
  /** The name part (before the @) as typed. */
  value: string;
  onChange: (local: string) => void;
  onBlur?: () => void;
  error?: ReactNode;
  /** The domain in use; fixed unless `domains` offers a choice. */
  domain: string;
  /** When given with more than one entry, the domain is chosen from a list beside the name. */
  domains?: string[];
  onDomainChange?: (domain: string) => void;
  /** A note under the input, e.g. "Checking…" or "Available". */
  hint?: ReactNode;
  name?: string;
}

/**
 * The name part of a video address typed beside its domain: fixed (shown after the input), or
 * a choice of the company's video domains. Capitals become lowercase as typed; the full address
 * is repeated in the description so screen readers hear it too.
 */
export function AddressField({
  label,
  value,
  onChange,
  onBlur,
  error,
  domain,
  domains = [],
  onDomainChange,
  hint,
  name,
}: AddressFieldProps) {
  const choosable = domains.length > 1 && onDomainChange !== undefined;
  const suffix = `@${domain}`;
  const description = (
    <>
      Full address: {value || "name"}@{domain}
      {hint && <> · {hint}</>}
    </>
  );
  const input = (
    <TextInput
      label={label}
      description={description}
      name={name}
      autoCapitalize="none"
      autoComplete="off"
      spellCheck={false}
      required
      withAsterisk={false}
      value={value}
      error={error}
      onBlur={onBlur}
      onChange={(event) => onChange(event.currentTarget.value.toLowerCase())}
      style={choosable ? { flex: "1 1 14rem" } : undefined}
      {...(choosable
        ? {}
        : {
            rightSection: (
              <Text size="sm" c="dimmed" truncate="end" px="xs" aria-hidden="true">
                {suffix}
              </Text>
            ),
            rightSectionWidth: `${Math.min(suffix.length + 3, 30)}ch`,
            rightSectionPointerEvents: "none" as const,
          })}
    />
  );
  if (!choosable) return input;
  return (
    <Group align="flex-start" gap="xs" wrap="wrap">
      {input}
      <Select
        label={`${label} domain`}
        data={domains.map((entry) => ({ value: entry, label: `@${entry}` }))}
        value={domain}
        onChange={(next) => next && onDomainChange?.(next)}
        allowDeselect={false}
        style={{ flex: "1 1 12rem" }}
      />
    </Group>
  );
}
