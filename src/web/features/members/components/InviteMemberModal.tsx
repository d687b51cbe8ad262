import { Alert, Button, Group, Modal, Radio, Stack, Text, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { notifications } from "@mantine/notifications";
import { useRef, useState } from "react";
import type { Company, Licences } from "../../../api/types";
import { ErrorAlert } from "../../../components/ErrorAlert";
import { plural } from "../../../lib/format";
import { applyServerErrors, focusFirstInvalidField } from "../../../lib/formErrors";
import { suggestLocalPart } from "../../partner/components/company-form/createCompany";
import { useInviteMember } from "../queries";
import { useAddressAvailability } from "../useAddressAvailability";
import { AddressField } from "./AddressField";
import { type InviteMemberValues, initialInviteValues, inviteProblems, toInviteInput } from "./inviteMember";

interface InviteMemberModalProps {
  company: Company;
  licences: Licences | null;
  opened: boolean;
  onClose: () => void;
}

/** "Invite one person": their name, email, video address and role; they get an activation email. */
export function InviteMemberModal({ company, licences, opened, onClose }: InviteMemberModalProps) {
  const invite = useInviteMember(company.id);
  const [formError, setFormError] = useState<string | null>(null);
  // The address follows the email until the user types their own; emptying it hands it back.
  const addressTypedByUser = useRef(false);
  const form = useForm<InviteMemberValues>({
    initialValues: initialInviteValues(company),
    validate: (values) => inviteProblems(values, company),
  });
  const values = form.getValues();
  const addressError = form.errors.videoAddress;
  const candidate = values.videoAddress && !addressError ? `${values.videoAddress}@${values.domain}` : null;
  const availability = useAddressAvailability(company.id, opened ? candidate : null);

  const close = () => {
    form.reset();
    addressTypedByUser.current = false;
    setFormError(null);
    invite.reset();
    onClose();
  };
  const changeEmail = (email: string) => {
    form.setFieldValue("email", email);
    if (addressTypedByUser.current) return;
    const suggestion = suggestLocalPart(email);
    form.setFieldValue("videoAddress", suggestion);
    // A suggestion is checked as it grows; no suggestion yet is not an error yet.
    if (suggestion) form.validateField("videoAddress");
    else form.clearFieldError("videoAddress");
  };
  const changeAddress = (local: string) => {
    addressTypedByUser.current = local !== "";
    form.setFieldValue("videoAddress", local);
    form.validateField("videoAddress");
  };
  const changeDomain = (domain: string) => {
    form.setFieldValue("domain", domain);
    if (form.getValues().videoAddress) form.validateField("videoAddress");
  };

  const submit = form.onSubmit((submitted) => {
    setFormError(null);
    const input = toInviteInput(submitted);
    invite.mutate(input, {
      onSuccess: () => {
        notifications.show({
          color: "green",
          title: "Invitation sent",
          message: `Invitation sent to ${input.email}.`,
        });
        close();
      },
      onError: (error) => setFormError(applyServerErrors(form, error)),
    });
  }, focusFirstInvalidField);

  const hint = availability.checking ? "Checking…" : candidate && !availability.problem ? "Available" : null;
  return (
    <Modal
      opened={opened}
      onClose={close}
      title="Invite one person"
      closeButtonProps={{ "aria-label": "Close" }}
      styles={{ title: { fontWeight: 600 } }}
      size="lg"
    >
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <LicencesRemaining licences={licences} />
          <ErrorAlert title="The invitation was not sent" message={formError} />
          <TextInput
            label="Full name"
            autoComplete="off"
            required
            withAsterisk={false}
            data-autofocus
            {...form.getInputProps("fullName")}
          />
          <TextInput
            label="Email address"
            type="email"
            autoComplete="off"
            required
            withAsterisk={false}
            {...form.getInputProps("email")}
            onChange={(event) => changeEmail(event.currentTarget.value)}
          />
          <AddressField
            label="Video address"
            value={values.videoAddress}
            onChange={changeAddress}
            error={addressError ?? availability.problem}
            domain={values.domain}
            domains={company.videoDomains}
            onDomainChange={changeDomain}
            hint={hint}
          />
          <Radio.Group label="Role" {...form.getInputProps("role")}>
            <Group gap="lg" mt={6}>
              <Radio value="member" label="Member" />
              <Radio value="admin" label="Admin" />
            </Group>
          </Radio.Group>
          <Text size="sm" c="dimmed">
            They get an email with a link to choose a password; it is valid for 30 days. A personal meeting
            room is created for them.
          </Text>
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

function LicencesRemaining({ licences }: { licences: Licences | null }) {
  if (!licences) return null;
  if (licences.remaining <= 0) {
    return (
      <Alert color="yellow" variant="light" title="No licences left">
        All {licences.total} licences are in use. Delete a member or revoke an invitation first, or ask your
        partner for more licences.
      </Alert>
    );
  }
  return (
    <Text size="sm" fw={500}>
      {plural(licences.remaining, "licence")} remaining
    </Text>
  );
}
