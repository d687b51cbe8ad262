import {
  Alert,
  Button,
  Code,
  CopyButton,
  Group,
  Modal,
  Radio,
  Select,
  Stack,
  Text,
  TextInput,
} from "@mantine/core";
import { useForm } from "@mantine/form";
import { useState } from "react";
import { ErrorAlert } from "../../../components/ErrorAlert";
import { formatDateTime } from "../../../lib/formatDate";
import { applyServerErrors, focusFirstInvalidField } from "../../../lib/formErrors";
import type { ApiTokenScope, CreatedApiToken } from "../api";
import { useCreateApiToken } from "../queries";

interface CreateApiTokenModalProps {
  opened: boolean;
  onClose: () => void;
}

interface Values {
  name: string;
  scope: ApiTokenScope;
  expiresInDays: string;
}

const EXPIRY_CHOICES = [
  { value: "7", label: "7 days" },
  { value: "30", label: "30 days" },
  { value: "90", label: "90 days" },
  { value: "365", label: "1 year" },
];

const initialValues: Values = { name: "", scope: "read", expiresInDays: "30" };

/** "Create token": name, scope and expiry; then the token itself, shown this once. */
export function CreateApiTokenModal({ opened, onClose }: CreateApiTokenModalProps) {
  const create = useCreateApiToken();
  const [formError, setFormError] = useState<string | null>(null);
  const [created, setCreated] = useState<CreatedApiToken | null>(null);
  const form = useForm<Values>({
    initialValues,
    validate: {
      name: (value) =>
        value.trim() === ""
          ? "Give the token a name."
          : value.trim().length > 100
            ? "Use at most 100 characters."
            : null,
    },
  });

  const close = () => {
    form.reset();
    setFormError(null);
    setCreated(null);
    create.reset();
    onClose();
  };

  const submit = form.onSubmit((values) => {
    setFormError(null);
    create.mutate(
      { name: values.name.trim(), scope: values.scope, expiresInDays: Number(values.expiresInDays) },
      {
        onSuccess: (result) => setCreated(result),
        onError: (error) => setFormError(applyServerErrors(form, error)),
      },
    );
  }, focusFirstInvalidField);

  return (
    <Modal
      opened={opened}
      onClose={close}
      title={created ? "Your new API token" : "Create API token"}
      closeButtonProps={{ "aria-label": "Close" }}
      styles={{ title: { fontWeight: 600 } }}
      size="lg"
      closeOnClickOutside={!created}
    >
      {created ? (
        <ShownOnce created={created} onDone={close} />
      ) : (
        <form onSubmit={submit} noValidate>
          <Stack gap="md">
            <ErrorAlert title="The token was not created" message={formError} />
            <TextInput
              label="Name"
              description="What uses it, e.g. “Nightly member sync”."
              autoComplete="off"
              required
              withAsterisk={false}
              data-autofocus
              {...form.getInputProps("name")}
            />
            <Radio.Group label="Scope" {...form.getInputProps("scope")}>
              <Stack gap="xs" mt="xs">
                <Radio value="read" label="Read — can only look (GET requests)" />
                <Radio value="write" label="Write — can also make changes your role allows" />
              </Stack>
            </Radio.Group>
            <Select
              label="Expires after"
              data={EXPIRY_CHOICES}
              allowDeselect={false}
              {...form.getInputProps("expiresInDays")}
            />
            <Text size="sm" c="dimmed">
              The token acts as you, with your role. It cannot create tokens or change your password.
            </Text>
            <Group justify="flex-end">
              <Button variant="default" onClick={close}>
                Cancel
              </Button>
              <Button type="submit" loading={create.isPending}>
                Create token
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  );
}

function ShownOnce({ created, onDone }: { created: CreatedApiToken; onDone: () => void }) {
  return (
    <Stack gap="md">
      <Alert color="yellow" variant="light" title="Copy it now: it is shown only this once">
        Confero keeps no readable copy. If you lose it, revoke it and create a new one. Anyone with the token
        can act as you until it expires ({formatDateTime(created.apiToken.expiresAt)}).
      </Alert>
      <Code
        block
        aria-label="API token"
        data-testid="api-token-secret"
        style={{ overflowWrap: "anywhere", whiteSpace: "pre-wrap" }}
      >
        {created.token}
      </Code>
      <Text size="sm">
        Send it as <Code>Authorization: Bearer …</Code> on requests to <Code>/api/v1</Code>.
      </Text>
      <Group justify="flex-end">
        <CopyButton value={created.token}>
          {({ copied, copy }) => (
            <Button variant="light" onClick={copy}>
              {copied ? "Copied" : "Copy token"}
            </Button>
          )}
        </CopyButton>
        <Button onClick={onDone}>Done</Button>
      </Group>
    </Stack>
  );
}
