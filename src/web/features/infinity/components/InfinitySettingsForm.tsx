import { Autocomplete, Button, Checkbox, Group, Stack, Text } from "@mantine/core";
import { useForm } from "@mantine/form";
import { notifications } from "@mantine/notifications";
import { useRef, useState } from "react";
import { ConfirmModal } from "../../../components/ConfirmModal";
import { ErrorAlert } from "../../../components/ErrorAlert";
import { formatDateTime } from "../../../lib/formatDate";
import { applyServerErrors, focusFirstInvalidField } from "../../../lib/formErrors";
import { keepSaved } from "../../../lib/savedForm";
import type { InfinitySettings, InfinitySettingsInput } from "../api";
import {
  type CredentialSection,
  changesOf,
  formValues,
  generatePassword,
  type InfinityFormValues,
  validateInfinityForm,
} from "../infinityForm";
import { useUpdateInfinitySettings } from "../queries";
import { CredentialsFieldset } from "./CredentialsFieldset";

const REMOVALS: Record<CredentialSection, { title: string; label: string; text: string; done: string }> = {
  policy: {
    title: "Remove the policy API credentials?",
    label: "Remove credentials",
    text: "Without them, Confero's policy API answers anyone who can reach it. Remove them from Infinity's policy profile too, or its requests are refused.",
    done: "The policy API no longer asks for credentials.",
  },
  eventSink: {
    title: "Remove the event sink credentials?",
    label: "Remove credentials",
    text: "Without them, the event sink accepts call events from anyone who can reach it.",
    done: "The event sink no longer asks for credentials.",
  },
  managementApi: {
    title: "Disconnect from Infinity's management API?",
    label: "Disconnect",
    text: "MeetingConnect then shows the address to dial instead of dialling video systems into meetings.",
    done: "Confero no longer uses Infinity's management API.",
  },
};

/** The operator's Pexip Infinity settings: credentials, management API and call routing. */
export function InfinitySettingsForm({ settings }: { settings: InfinitySettings }) {
  const update = useUpdateInfinitySettings();
  const [formError, setFormError] = useState<string | null>(null);
  const [removing, setRemoving] = useState<CredentialSection | null>(null);
  // The rules compare with what is saved, which changes with every save.
  const saved = useRef(settings);
  saved.current = settings;
  const form = useForm<InfinityFormValues>({
    initialValues: formValues(settings),
    validate: (values) => validateInfinityForm(saved.current, values),
  });

  const save = (input: InfinitySettingsInput, done: string) => {
    setFormError(null);
    update.mutate(input, {
      onSuccess: (result) => {
        setRemoving(null);
        // Typed passwords are cleared: what is saved is shown as "A password is saved".
        keepSaved(form, formValues(result));
        notifications.show({ color: "green", title: "Pexip Infinity settings saved", message: done });
      },
      onError: (error) => {
        setRemoving(null);
        setFormError(applyServerErrors(form, error));
      },
    });
  };

  const submit = form.onSubmit(
    (values) => save(changesOf(settings, values), "Infinity's next requests use them."),
    focusFirstInvalidField,
  );
  const fieldset = (section: "policy" | "eventSink") => ({
    saved: settings[section],
    username: form.getInputProps(`${section}.username`),
    password: form.getInputProps(`${section}.password`),
    onGeneratePassword: () => form.setFieldValue(`${section}.password`, generatePassword()),
    onRemove: () => setRemoving(section),
    removeLabel: REMOVALS[section].label,
  });

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="lg" maw={720}>
        <ErrorAlert title="The settings were not saved" message={formError} />
        <CredentialsFieldset
          legend="Policy API"
          description="The username and password Infinity's policy profile sends with every policy request. Without them, the policy API is open: fence it off by network."
          {...fieldset("policy")}
        />
        <CredentialsFieldset
          legend="Event sink"
          description="The username and password Infinity's event sink sends with call events. Use a different password from the policy API's."
          {...fieldset("eventSink")}
        />
        <CredentialsFieldset
          legend="Management API"
          description="Infinity's management node, which MeetingConnect asks to dial video systems into meetings. Without it, the connect page shows the address to dial."
          saved={settings.managementApi}
          url={{ props: form.getInputProps("managementApi.url"), value: settings.managementApi.url }}
          username={form.getInputProps("managementApi.username")}
          password={form.getInputProps("managementApi.password")}
          onGeneratePassword={() => form.setFieldValue("managementApi.password", generatePassword())}
          onRemove={() => setRemoving("managementApi")}
          removeLabel={REMOVALS.managementApi.label}
        />
        <Stack gap="sm">
          <Autocomplete
            label="Default domain"
            description={`Where a bare name some clients dial (meet.bob) is looked up. Leave empty for the service's primary domain${settings.serviceDomains[0] ? ` (${settings.serviceDomains[0]})` : ""}; or enter a company's video domain.`}
            placeholder={settings.serviceDomains[0] ?? ""}
            data={settings.serviceDomains}
            autoCapitalize="none"
            spellCheck={false}
            {...form.getInputProps("defaultDomain")}
          />
          <Checkbox
            label="Refuse unknown addresses in our domains"
            description="An address in the service's or a company's domain that Confero does not know is rejected, instead of being left to Infinity's own configuration."
            {...form.getInputProps("rejectUnknownInOurDomains", { type: "checkbox" })}
          />
        </Stack>
        <Group>
          <Button type="submit" loading={update.isPending && removing === null}>
            Save
          </Button>
          {form.isDirty() && (
            <Button variant="default" onClick={() => form.setValues(formValues(settings))}>
              Discard changes
            </Button>
          )}
        </Group>
        {settings.updatedAt && (
          <Text size="sm" c="dimmed">
            Last saved {formatDateTime(settings.updatedAt)}.
          </Text>
        )}
      </Stack>
      <ConfirmModal
        opened={removing !== null}
        title={removing ? REMOVALS[removing].title : ""}
        confirmLabel={removing ? REMOVALS[removing].label : ""}
        loading={update.isPending}
        onCancel={() => setRemoving(null)}
        onConfirm={() => removing && save({ [removing]: null }, REMOVALS[removing].done)}
      >
        {removing ? REMOVALS[removing].text : ""}
      </ConfirmModal>
    </form>
  );
}
