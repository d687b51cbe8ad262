import { Badge, Button, CloseButton, Group, Input, Stack, Text, TextInput } from "@mantine/core";
import type { GetInputPropsReturnType } from "@mantine/form";
import { type ReactNode, useEffect, useRef } from "react";

interface DomainListEditorProps {
  /** The group's visible name, e.g. "Service domains". */
  legend: string;
  description?: ReactNode;
  /** Each input is named "<itemLabel> <n>", e.g. "Custom domain 1". */
  itemLabel: string;
  count: number;
  inputProps: (index: number) => GetInputPropsReturnType;
  onAdd: () => void;
  onRemove: (index: number) => void;
  onMakePrimary: (index: number) => void;
  /** A problem with the list as a whole (e.g. none entered). */
  error?: ReactNode;
  /** Extra text under one domain, e.g. how many addresses use it. */
  note?: (index: number) => ReactNode;
  /** The most domains the server accepts. */
  maxCount?: number;
}

/**
 * An ordered list of domains where the first is the primary one: add, remove (never the last
 * one left) and move a domain to the front. Each input keeps its own error, so server messages
 * for "domains.1" land beside the second domain.
 */
export function DomainListEditor({
  legend,
  description,
  itemLabel,
  count,
  inputProps,
  onAdd,
  onRemove,
  onMakePrimary,
  error,
  note,
  maxCount = 20,
}: DomainListEditorProps) {
  const indexes = Array.from({ length: count }, (_, index) => index);
  const fieldsetRef = useRef<HTMLDivElement>(null);
  const focusNewInput = useRef(false);

  // "Add domain" puts keyboard focus in the new, empty input, ready to type.
  useEffect(() => {
    if (!focusNewInput.current) return;
    focusNewInput.current = false;
    const inputs = fieldsetRef.current?.querySelectorAll<HTMLInputElement>("input");
    inputs?.[count - 1]?.focus();
  }, [count]);

  const add = () => {
    focusNewInput.current = true;
    onAdd();
  };

  return (
    <Stack ref={fieldsetRef} gap="xs" component="fieldset" m={0} p={0} style={{ border: 0, minWidth: 0 }}>
      <Text component="legend" fw="var(--mantine-font-weight-medium)" size="sm" p={0}>
        {legend}
      </Text>
      {description && (
        <Text size="xs" c="dimmed" mt={-4}>
          {description}
        </Text>
      )}
      {indexes.map((index) => {
        const name = `${itemLabel} ${index + 1}`;
        return (
          <Stack key={name} gap={2}>
            <Group gap="xs" wrap="nowrap" align="flex-start">
              <TextInput
                aria-label={name}
                placeholder="example.com"
                autoCapitalize="none"
                spellCheck={false}
                style={{ flex: 1, minWidth: 0 }}
                {...inputProps(index)}
              />
              {index === 0 ? (
                <Badge variant="light" mt={8} style={{ flexShrink: 0 }}>
                  Primary
                </Badge>
              ) : (
                <Button
                  variant="subtle"
                  size="compact-sm"
                  mt={6}
                  onClick={() => onMakePrimary(index)}
                  aria-label={`Make ${name.toLowerCase()} primary`}
                  style={{ flexShrink: 0 }}
                >
                  Make primary
                </Button>
              )}
              {count > 1 && (
                <CloseButton
                  mt={6}
                  onClick={() => onRemove(index)}
                  aria-label={`Remove ${name.toLowerCase()}`}
                />
              )}
            </Group>
            {note?.(index)}
          </Stack>
        );
      })}
      {error && <Input.Error>{error}</Input.Error>}
      {count < maxCount ? (
        <Group>
          <Button variant="light" size="compact-sm" onClick={add}>
            Add domain
          </Button>
        </Group>
      ) : (
        <Text size="xs" c="dimmed">
          At most {maxCount} domains.
        </Text>
      )}
    </Stack>
  );
}
