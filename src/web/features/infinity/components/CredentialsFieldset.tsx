import { Button, Fieldset, Group, PasswordInput, Stack, Text, TextInput } from "@mantine/core";
import type { GetInputPropsReturnType } from "@mantine/form";
import { type ReactNode, useState } from "react";
import type { CredentialsView } from "../api";

type InputProps = GetInputPropsReturnType;

interface CredentialsFieldsetProps {
  legend: string;
  description: ReactNode;
  saved: CredentialsView;
  username: InputProps;
  password: InputProps;
  /** The management API's address, shown before the username. */
  url?: { props: InputProps; value: string | null };
  onGeneratePassword: () => void;
  onRemove: () => void;
  removeLabel: string;
}

/**
 * A username and password Infinity sends (or Confero sends to Infinity), in a fieldset named
 * by its legend. Values fixed by environment variables are shown read-only, saying which.
 */
export function CredentialsFieldset(props: CredentialsFieldsetProps) {
  const { legend, description, saved } = props;
  // A generated password is shown, so it can be copied into Infinity.
  const [visible, setVisible] = useState(false);
  if (saved.setBy) {
    const fixedBy = `Set by ${saved.setBy.join("/")} on the server; change it there.`;
    return (
      <Fieldset legend={legend} variant="filled">
        <Stack gap="sm">
          <Text size="sm" c="dimmed">
            {description}
          </Text>
          {props.url && (
            <TextInput label="Address" value={props.url.value ?? ""} readOnly description={fixedBy} />
          )}
          <TextInput label="Username" value={saved.username ?? ""} readOnly description={fixedBy} />
          <TextInput
            label="Password"
            value="•••••••••••• (set on the server)"
            readOnly
            description={fixedBy}
          />
        </Stack>
      </Fieldset>
    );
  }
  return (
    <Fieldset legend={legend}>
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          {description}
        </Text>
        {props.url && (
          <TextInput
            label="Address"
            placeholder="https://infinity.example.com"
            autoCapitalize="none"
            spellCheck={false}
            {...props.url.props}
          />
        )}
        <TextInput
          label="Username"
          autoComplete="off"
          autoCapitalize="none"
          spellCheck={false}
          {...props.username}
        />
        <PasswordInput
          label={saved.passwordSet ? "New password" : "Password"}
          description={
            saved.passwordSet
              ? "A password is saved. Leave this empty to keep it."
              : "At least 12 characters; enter the same one in Infinity."
          }
          autoComplete="new-password"
          visible={visible}
          onVisibilityChange={setVisible}
          {...props.password}
          // Mantine's PasswordInput marks its error with data-invalid only; screen readers (and
          // focusFirstInvalidField) need aria-invalid.
          aria-invalid={props.password.error ? true : undefined}
        />
        <Group gap="sm">
          <Button
            variant="subtle"
            size="compact-sm"
            onClick={() => {
              props.onGeneratePassword();
              setVisible(true);
            }}
          >
            Generate password
          </Button>
          {(saved.passwordSet || saved.username) && (
            <Button variant="subtle" color="red" size="compact-sm" onClick={props.onRemove}>
              {props.removeLabel}
            </Button>
          )}
        </Group>
      </Stack>
    </Fieldset>
  );
}
