import { Alert, Button, Group, Modal, Stack, Text, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { notifications } from "@mantine/notifications";
import { useState } from "react";
import type { Company, Licences } from "../../../api/types";
import { ErrorAlert } from "../../../components/ErrorAlert";
import { plural } from "../../../lib/format";
import { applyServerErrors, focusFirstInvalidField } from "../../../lib/formErrors";
import { AddressField } from "../../members/components/AddressField";
import { RoomPinFields } from "../../members/components/RoomPinFields";
import { useAddressAvailability } from "../../members/useAddressAvailability";
import { useCreateTeamRoom } from "../queries";
import { type AddTeamRoomValues, addRoomProblems, initialAddValues, toCreateInput } from "./teamRoomForm";

interface AddTeamRoomModalProps {
  company: Company;
  licences: Licences | null;
  opened: boolean;
  onClose: () => void;
}

/** "Add team room": its name, video address and optional PINs; each room uses one licence. */
export function AddTeamRoomModal({ company, licences, opened, onClose }: AddTeamRoomModalProps) {
  const create = useCreateTeamRoom(company.id);
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<AddTeamRoomValues>({
    initialValues: initialAddValues(company),
    validate: (values) => addRoomProblems(values, company),
  });
  const values = form.getValues();
  const addressError = form.errors.videoAddress;
  const candidate = values.videoAddress && !addressError ? `${values.videoAddress}@${values.domain}` : null;
  const availability = useAddressAvailability(company.id, opened ? candidate : null);
  const full = licences !== null && licences.remaining <= 0;

  const close = () => {
    form.reset();
    setFormError(null);
    create.reset();
    onClose();
  };
  const changeAddress = (local: string) => {
    form.setFieldValue("videoAddress", local);
    form.validateField("videoAddress");
  };
  const changeDomain = (domain: string) => {
    form.setFieldValue("domain", domain);
    if (form.getValues().videoAddress) form.validateField("videoAddress");
  };

  const submit = form.onSubmit((submitted) => {
    setFormError(null);
    create.mutate(toCreateInput(submitted), {
      onSuccess: ({ room, warnings }) => {
        notifications.show({
          color: warnings.length > 0 ? "yellow" : "green",
          title: "Team room added",
          message:
            warnings.length > 0 ? `${room.name} was added. ${warnings.join(" ")}` : `${room.name} was added.`,
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
      title="Add team room"
      closeButtonProps={{ "aria-label": "Close" }}
      styles={{ title: { fontWeight: 600 } }}
      size="lg"
    >
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <LicencesRemaining licences={licences} />
          <ErrorAlert title="The team room was not added" message={formError} />
          <TextInput
            label="Room name"
            description="Your choice, e.g. “Jupiter” or “Meeting Room 6”. Also its name in the directory."
            autoComplete="off"
            required
            withAsterisk={false}
            data-autofocus
            {...form.getInputProps("name")}
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
          <RoomPinFields form={form} optional />
          <Text size="sm" c="dimmed">
            The domain cannot be changed later; the name part can. Only administrators control the room until
            you choose owners.
          </Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              Cancel
            </Button>
            <Button type="submit" loading={create.isPending} disabled={full}>
              Add team room
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
        All {licences.total} licences are in use: each team room uses one, like a member. Delete a team room
        or a member first, or ask your partner for more licences.
      </Alert>
    );
  }
  return (
    <Text size="sm" fw={500}>
      {plural(licences.remaining, "licence")} remaining · this room uses one
    </Text>
  );
}
