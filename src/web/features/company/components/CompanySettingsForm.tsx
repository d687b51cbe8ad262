import { Button, Checkbox, Group, Stack, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { notifications } from "@mantine/notifications";
import { useState } from "react";
import type { Company } from "../../../api/types";
import { ErrorAlert } from "../../../components/ErrorAlert";
import { TimeZoneSelect } from "../../../components/TimeZoneSelect";
import { applyServerErrors, focusFirstInvalidField } from "../../../lib/formErrors";
import { keepSaved, showSaved } from "../../../lib/savedForm";
import type { CompanySettingsChanges } from "../api";
import { useUpdateCompanySettings } from "../queries";

/** What a company's own administrators may change about it: its name, time zone and host PIN rule. */
export function CompanySettingsForm({ company }: { company: Company }) {
  const update = useUpdateCompanySettings(company.id);
  const [formError, setFormError] = useState<string | null>(null);
  const initial = {
    name: company.name,
    timeZone: company.timeZone,
    hostPinOnAllPersonalRooms: company.hostPinOnAllPersonalRooms,
  };
  const form = useForm({
    initialValues: initial,
    validate: {
      name: (value) => (value.trim() ? null : "Enter the company's name."),
      timeZone: (value) => (value ? null : "Choose a time zone."),
    },
  });

  const submit = form.onSubmit((values) => {
    setFormError(null);
    const changes: CompanySettingsChanges = {};
    if (values.name.trim() !== company.name) changes.name = values.name.trim();
    if (values.timeZone !== company.timeZone) changes.timeZone = values.timeZone;
    if (values.hostPinOnAllPersonalRooms !== company.hostPinOnAllPersonalRooms) {
      changes.hostPinOnAllPersonalRooms = values.hostPinOnAllPersonalRooms;
    }
    if (Object.keys(changes).length === 0) {
      notifications.show({
        color: "blue",
        title: "Nothing to save",
        message: "You have not changed anything.",
      });
      return;
    }
    update.mutate(changes, {
      onSuccess: (saved) => {
        const next = {
          name: saved.name,
          timeZone: saved.timeZone,
          hostPinOnAllPersonalRooms: saved.hostPinOnAllPersonalRooms,
        };
        keepSaved(form, next);
        showSaved("Company settings saved", saved.name);
      },
      onError: (error) => setFormError(applyServerErrors(form, error)),
    });
  }, focusFirstInvalidField);

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md" maw={520}>
        <ErrorAlert title="The settings were not saved" message={formError} />
        <TextInput label="Company name" required withAsterisk={false} {...form.getInputProps("name")} />
        <TimeZoneSelect
          value={form.getValues().timeZone}
          onChange={(zone) => form.setFieldValue("timeZone", zone)}
          error={form.errors.timeZone}
          description="Used for the company's usage reports."
        />
        <Checkbox
          label="Give every new personal VMR a host PIN"
          description="New members get a random 4-digit host PIN on their personal room; they can change it. To give existing rooms one, use “Set host PIN on all personal VMRs” on the Members tab."
          {...form.getInputProps("hostPinOnAllPersonalRooms", { type: "checkbox" })}
        />
        <Group>
          <Button type="submit" loading={update.isPending}>
            Save
          </Button>
          {form.isDirty() && (
            <Button variant="default" onClick={() => form.setValues(initial)}>
              Discard changes
            </Button>
          )}
        </Group>
      </Stack>
    </form>
  );
}
