import { Alert, Button, Code, CopyButton, Group, Modal, Stack, Text, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useState } from "react";
import { ErrorAlert } from "../../../components/ErrorAlert";
import { applyServerErrors, focusFirstInvalidField } from "../../../lib/formErrors";
import type { CreatedScimToken } from "../api";
import { useCreateScimToken } from "../queries";

interface CreateScimTokenModalProps {
  companyId: string;
  opened: boolean;
  onClose: () => void;
}

/** "Create SCIM token": a name for the connection; then the token itself, shown this once. */
export function CreateScimTokenModal({ companyId, opened, onClose }: CreateScimTokenModalProps) {
  const create = useCreateScimToken(companyId);
  const [formError, setFormError] = useState<string | null>(null);
  const [created, setCreated] = useState<CreatedScimToken | null>(null);
  const form = useForm({
    initialValues: { name: "" },
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
    create.mutate(values.name.trim(), {
      onSuccess: (result) => setCreated(result),
      onError: (error) => setFormError(applyServerErrors(form, error)),
    });
  }, focusFirstInvalidField);

  return (
    <Modal
      opened={opened}
      onClose={close}
      title={created ? "Your new SCIM token" : "Create SCIM token"}
      closeButtonProps={{ "aria-label": "Close" }}
      styles={{ title: { fontWeight: 600 } }}
      size="lg"
      closeOnClickOutside={!created}
    >
      {created ? (
        <Stack gap="md">
          <Alert color="yellow" variant="light" title="Copy it now: it is shown only this once">
            Confero keeps no readable copy. If you lose it, revoke it and create a new one. Anyone with the
            token can create, change and remove this company's members until it is revoked.
          </Alert>
          <Code
            block
            aria-label="SCIM token"
            data-testid="scim-token-secret"
            style={{ overflowWrap: "anywhere", whiteSpace: "pre-wrap" }}
          >
            {created.secret}
          </Code>
          <Text size="sm">
            In your identity provider, enter <Code>{created.scimBaseUrl}</Code> as the tenant (base) URL and
            this token as the secret token.
          </Text>
          <Group justify="flex-end">
            <CopyButton value={created.secret}>
              {({ copied, copy }) => (
                <Button variant="light" onClick={copy}>
                  {copied ? "Copied" : "Copy token"}
                </Button>
              )}
            </CopyButton>
            <Button onClick={close}>Done</Button>
          </Group>
        </Stack>
      ) : (
        <form onSubmit={submit} noValidate>
          <Stack gap="md">
            <ErrorAlert title="The token was not created" message={formError} />
            <TextInput
              label="Name"
              description="Which identity provider uses it, e.g. “Entra ID” or “Okta”."
              autoComplete="off"
              required
              withAsterisk={false}
              data-autofocus
              {...form.getInputProps("name")}
            />
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
