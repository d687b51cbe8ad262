import { Button, Group, Modal, Stack, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useState } from "react";
import type { Partner } from "../../../api/types";
import { ErrorAlert } from "../../../components/ErrorAlert";
import { applyServerErrors, focusFirstInvalidField } from "../../../lib/formErrors";
import { useCreatePartner, useRenamePartner } from "../queries";

interface PartnerNameModalProps {
  opened: boolean;
  onClose: () => void;
}

/** A new partner: just a name; its admins are invited from the partner's page. */
export function AddPartnerModal({
  opened,
  onClose,
  onAdded,
}: PartnerNameModalProps & { onAdded: (partner: Partner) => void }) {
  const create = useCreatePartner();
  return (
    <PartnerNameModal
      title="Add partner"
      submitLabel="Add partner"
      initialName=""
      opened={opened}
      onClose={onClose}
      pending={create.isPending}
      onSubmit={(name, handlers) => create.mutate({ name }, { ...handlers, onSuccess: onAdded })}
    />
  );
}

export function RenamePartnerModal({
  opened,
  onClose,
  partner,
}: PartnerNameModalProps & { partner: Partner }) {
  const rename = useRenamePartner(partner.id);
  return (
    <PartnerNameModal
      title="Rename partner"
      submitLabel="Save name"
      initialName={partner.name}
      opened={opened}
      onClose={onClose}
      pending={rename.isPending}
      onSubmit={(name, handlers) => rename.mutate({ name }, { ...handlers, onSuccess: onClose })}
    />
  );
}

interface PartnerNameFormProps extends PartnerNameModalProps {
  title: string;
  submitLabel: string;
  initialName: string;
  pending: boolean;
  onSubmit: (name: string, handlers: { onError: (error: Error) => void }) => void;
}

function PartnerNameModal({
  title,
  submitLabel,
  initialName,
  opened,
  onClose,
  pending,
  onSubmit,
}: PartnerNameFormProps) {
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm({
    initialValues: { name: initialName },
    validate: { name: (value) => (value.trim() ? null : "Enter the partner's name.") },
  });

  const close = () => {
    form.setValues({ name: initialName });
    form.clearErrors();
    setFormError(null);
    onClose();
  };

  const submit = form.onSubmit((values) => {
    setFormError(null);
    onSubmit(values.name.trim(), { onError: (error) => setFormError(applyServerErrors(form, error)) });
  }, focusFirstInvalidField);

  return (
    <Modal
      opened={opened}
      onClose={close}
      title={title}
      closeButtonProps={{ "aria-label": "Close" }}
      styles={{ title: { fontWeight: 600 } }}
    >
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <ErrorAlert message={formError} />
          <TextInput
            label="Partner name"
            description="The reseller's organisation, as its admins and customers know it."
            required
            withAsterisk={false}
            data-autofocus
            {...form.getInputProps("name")}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              Cancel
            </Button>
            <Button type="submit" loading={pending}>
              {submitLabel}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
