import { Button, Group, Stack, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { notifications } from "@mantine/notifications";
import { useState } from "react";
import type { Company, TeamRoom } from "../../../api/types";
import { ErrorAlert } from "../../../components/ErrorAlert";
import { SectionCard } from "../../../components/SectionCard";
import { applyServerErrors, focusFirstInvalidField } from "../../../lib/formErrors";
import { keepSaved, showSaved } from "../../../lib/savedForm";
import { AddressField } from "../../members/components/AddressField";
import { addressParts } from "../../members/components/memberForm";
import { RoomPinFields } from "../../members/components/RoomPinFields";
import { useAddressAvailability } from "../../members/useAddressAvailability";
import { useUpdateTeamRoom } from "../queries";
import {
  changedSettings,
  settingsProblems,
  settingsValues,
  type TeamRoomSettingsValues,
} from "./teamRoomForm";

/** A room's settings: name, the name part of its address (the domain is fixed), PINs. */
export function TeamRoomSettingsForm({ company, room }: { company: Company; room: TeamRoom }) {
  const update = useUpdateTeamRoom(company.id, room.id);
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<TeamRoomSettingsValues>({
    initialValues: settingsValues(room),
    validate: (values) => settingsProblems(values, room, company),
    validateInputOnChange: true,
  });
  const values = form.getValues();
  const initial = settingsValues(room);
  const domain = addressParts(room.videoAddress).domain;
  const local = values.addressLocalPart;
  const availability = useAddressAvailability(
    company.id,
    local && local !== initial.addressLocalPart && !form.errors.addressLocalPart
      ? `${local}@${domain}`
      : null,
  );

  const submit = form.onSubmit((submitted) => {
    setFormError(null);
    const input = changedSettings(submitted, room);
    if (Object.keys(input).length === 0) {
      notifications.show({
        color: "blue",
        title: "Nothing to save",
        message: "You have not changed anything.",
      });
      return;
    }
    update.mutate(input, {
      onSuccess: ({ room: saved, warnings }) => {
        const next = settingsValues(saved);
        keepSaved(form, next);
        showSaved("Changes saved", saved.name, warnings);
      },
      onError: (error) => setFormError(applyServerErrors(form, error)),
    });
  }, focusFirstInvalidField);

  return (
    <SectionCard title="Settings" description="Host and guest PINs are optional.">
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <ErrorAlert title="The changes were not saved" message={formError} />
          <TextInput
            label="Room name"
            description="Also its name in the directory."
            autoComplete="off"
            required
            withAsterisk={false}
            maw={420}
            {...form.getInputProps("name")}
          />
          <AddressField
            label="Video address"
            value={values.addressLocalPart}
            onChange={(next) => form.setFieldValue("addressLocalPart", next)}
            error={form.errors.addressLocalPart ?? availability.problem}
            domain={domain}
            hint={availability.checking ? "Checking…" : "The domain is fixed; the name part can change."}
          />
          <RoomPinFields form={form} />
          <Group>
            <Button type="submit" loading={update.isPending}>
              Save changes
            </Button>
            {form.isDirty() && (
              <Button variant="default" onClick={() => form.setValues(settingsValues(room))}>
                Discard changes
              </Button>
            )}
          </Group>
        </Stack>
      </form>
    </SectionCard>
  );
}
