import { Button, Group, Modal, Stack, Text, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { notifications } from "@mantine/notifications";
import { useState } from "react";
import { emailProblem, normaliseEmail } from "../../../../domain/email";
import { ErrorAlert } from "../../../components/ErrorAlert";
import { applyServerErrors, focusFirstInvalidField } from "../../../lib/formErrors";
import { useInvitePartnerAdmin } from "../queries";

interface InvitePartnerAdminModalProps {
  partnerId: string;
  partnerName: string;
  opened: boolean;
  onClose: () => void;
}

export function InvitePartnerAdminModal({
  partnerId,
  partnerName,
  opened,
  onClose,
}: InvitePartnerAdminModalProps) {
  const invite = useInvitePartnerAdmin(partnerId);
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm({
    initialValues: { fullName: "", email: "" },
    validate: {
      fullName: (value) => (value.trim() ? null : "Enter the person's full name."),
      email: (value) => emailProblem(normaliseEmail(value)),
    },
  });

  const close = () => {
    form.reset();
    setFormError(null);
    invite.reset();
    onClose();
  };

  const submit = form.onSubmit((values) => {
    setFormError(null);
    const email = normaliseEmail(values.email);
    invite.mutate(
      { fullName: values.fullName.trim(), email },
      {
        onSuccess: () => {
          notifications.show({
            color: "green",
            title: "Invitation sent",
            message: `An invitation was sent to ${email}. The link is valid for 30 days.`,
          });
          close();
        },
        onError: (error) => setFormError(applyServerErrors(form, error)),
      },
    );
  }, focusFirstInvalidField);

  return (
    <Modal
      opened={opened}
      onClose={close}
      title="Invite partner admin"
      closeButtonProps={{ "aria-label": "Close" }}
      styles={{ title: { fontWeight: 600 } }}
    >
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <Text size="sm" c="dimmed">
            They will get an email with a link to choose a password and look after the customer companies of{" "}
            {partnerName}.
          </Text>
          <ErrorAlert message={formError} />
          <TextInput
            label="Full name"
            autoComplete="off"
            required
            withAsterisk={false}
            data-autofocus
            {...form.getInputProps("fullName")}
          />
          <TextInput
            label="Email"
            type="email"
            autoComplete="off"
            required
            withAsterisk={false}
            {...form.getInputProps("email")}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              Cancel
            </Button>
            <Button type="submit" loading={invite.isPending}>
              Send invitation
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
