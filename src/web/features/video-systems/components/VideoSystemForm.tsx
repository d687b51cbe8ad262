import { Button, Group, Stack, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { notifications } from "@mantine/notifications";
import { useState } from "react";
import { localPartProblems } from "../../../../domain/video-address";
import type { Company, UpdateVideoSystemInput, VideoSystem } from "../../../api/types";
import { ErrorAlert } from "../../../components/ErrorAlert";
import { SectionCard } from "../../../components/SectionCard";
import { applyServerErrors, focusFirstInvalidField } from "../../../lib/formErrors";
import { keepSaved, showSaved } from "../../../lib/savedForm";
import { AddressField } from "../../members/components/AddressField";
import { addressParts } from "../../members/components/memberForm";
import { useUpdateVideoSystem } from "../queries";

interface Values {
  name: string;
  addressLocalPart: string;
}

const valuesOf = (system: VideoSystem): Values => ({
  name: system.name,
  addressLocalPart: addressParts(system.videoAddress).local,
});

/** A system's name (shown in conferences and the directory) and the name part of its address. */
export function VideoSystemForm({ company, system }: { company: Company; system: VideoSystem }) {
  const update = useUpdateVideoSystem(company.id, system.id);
  const [formError, setFormError] = useState<string | null>(null);
  const domain = addressParts(system.videoAddress).domain;
  const form = useForm<Values>({
    initialValues: valuesOf(system),
    validate: {
      name: (value) => (value.trim() ? null : "Enter a name."),
      addressLocalPart: (value) =>
        system.usesMemberAddress
          ? null
          : (localPartProblems(value, { hostedDomain: company.hostedDomains.includes(domain) })[0]?.message ??
            null),
    },
    validateInputOnChange: true,
  });
  const values = form.getValues();

  const submit = form.onSubmit((submitted) => {
    setFormError(null);
    const initial = valuesOf(system);
    const input: UpdateVideoSystemInput = {};
    if (submitted.name.trim() !== initial.name) input.name = submitted.name.trim();
    if (!system.usesMemberAddress && submitted.addressLocalPart !== initial.addressLocalPart) {
      input.addressLocalPart = submitted.addressLocalPart;
    }
    if (Object.keys(input).length === 0) {
      notifications.show({
        color: "blue",
        title: "Nothing to save",
        message: "You have not changed anything.",
      });
      return;
    }
    update.mutate(input, {
      onSuccess: (saved) => {
        const next = valuesOf(saved);
        keepSaved(form, next);
        showSaved("Changes saved", saved.name);
      },
      onError: (error) => setFormError(applyServerErrors(form, error)),
    });
  }, focusFirstInvalidField);

  return (
    <SectionCard title="Settings">
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <ErrorAlert title="The changes were not saved" message={formError} />
          <TextInput
            label="Name"
            description="The name shown in conferences and in the directory."
            autoComplete="off"
            required
            withAsterisk={false}
            maw={420}
            {...form.getInputProps("name")}
          />
          {system.usesMemberAddress ? (
            <TextInput
              label="Video address"
              value={system.videoAddress}
              readOnly
              description={`Shared with ${system.twinnedMember?.fullName ?? "its member"}: change it on their user page.`}
            />
          ) : (
            <AddressField
              label="Video address"
              name="addressLocalPart"
              value={values.addressLocalPart}
              onChange={(next) => form.setFieldValue("addressLocalPart", next)}
              error={form.errors.addressLocalPart}
              domain={domain}
              hint="The domain is fixed; the name part can change."
            />
          )}
          <Group>
            <Button type="submit" loading={update.isPending}>
              Save changes
            </Button>
            {form.isDirty() && (
              <Button variant="default" onClick={() => form.setValues(valuesOf(system))}>
                Discard changes
              </Button>
            )}
          </Group>
        </Stack>
      </form>
    </SectionCard>
  );
}
