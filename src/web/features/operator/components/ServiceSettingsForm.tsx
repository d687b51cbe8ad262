import { Button, Group, Stack, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { notifications } from "@mantine/notifications";
import { useState } from "react";
import {
  domainProblem,
  normaliseDomain,
  normaliseVmrSuffix,
  vmrSuffixProblem,
} from "../../../../domain/service-settings";
import type { ServiceSettings } from "../../../api/types";
import { ConfirmModal } from "../../../components/ConfirmModal";
import { DomainListEditor } from "../../../components/DomainListEditor";
import { ErrorAlert } from "../../../components/ErrorAlert";
import { applyServerErrors, focusFirstInvalidField } from "../../../lib/formErrors";
import { useUpdateServiceSettings } from "../queries";

function normalised(values: ServiceSettings): ServiceSettings {
  return {
    name: values.name.trim(),
    domains: values.domains.map(normaliseDomain),
    defaultVmrSuffix: normaliseVmrSuffix(values.defaultVmrSuffix),
  };
}

function domainProblems(domains: string[]): Record<string, string | null> {
  const normalisedDomains = domains.map(normaliseDomain);
  return Object.fromEntries(
    normalisedDomains.map((domain, index) => [
      `domains.${index}`,
      domainProblem(domain) ??
        (normalisedDomains.indexOf(domain) < index ? "This domain is already in the list." : null),
    ]),
  );
}

/** The service's name, domains (first = primary) and the default VMR suffix for new companies. */
export function ServiceSettingsForm({ settings }: { settings: ServiceSettings }) {
  const update = useUpdateServiceSettings();
  const [formError, setFormError] = useState<string | null>(null);
  const [removedDomains, setRemovedDomains] = useState<string[]>([]);
  const form = useForm<ServiceSettings>({
    initialValues: { ...settings, domains: [...settings.domains] },
    validate: (values) => ({
      name: values.name.trim() ? null : "Enter a name for the service.",
      defaultVmrSuffix: vmrSuffixProblem(normaliseVmrSuffix(values.defaultVmrSuffix)),
      ...domainProblems(values.domains),
    }),
  });
  const values = form.getValues();

  const save = (input: ServiceSettings) => {
    setFormError(null);
    update.mutate(input, {
      onSuccess: (saved) => {
        setRemovedDomains([]);
        form.setInitialValues(saved);
        form.setValues(saved);
        form.resetDirty(saved);
        notifications.show({
          color: "green",
          title: "Service settings saved",
          message: "The changes apply at once.",
        });
      },
      onError: (error) => {
        setRemovedDomains([]);
        setFormError(applyServerErrors(form, error));
      },
    });
  };

  const submit = form.onSubmit((submitted) => {
    const input = normalised(submitted);
    const removed = settings.domains.filter((domain) => !input.domains.includes(domain));
    // Removing a domain can break addresses, so it is confirmed first (the server refuses it
    // while companies still use the domain).
    if (removed.length > 0) setRemovedDomains(removed);
    else save(input);
  }, focusFirstInvalidField);

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md" maw={640}>
        <ErrorAlert title="The settings were not saved" message={formError} />
        <TextInput
          label="Service name"
          description="Shown to everyone in the header and in emails."
          required
          withAsterisk={false}
          {...form.getInputProps("name")}
        />
        <DomainListEditor
          legend="Service domains"
          description="The DNS names video addresses end in. The first is the primary one, used for new companies' subdomains."
          itemLabel="Service domain"
          count={values.domains.length}
          inputProps={(index) => form.getInputProps(`domains.${index}`)}
          onAdd={() => form.insertListItem("domains", "")}
          onRemove={(index) => form.removeListItem("domains", index)}
          onMakePrimary={(index) => form.reorderListItem("domains", { from: index, to: 0 })}
          error={form.errors.domains}
        />
        <TextInput
          label="Default VMR suffix"
          description="Suggested for new companies: added to a member's name for their personal room, e.g. ann.smith.vmr@…"
          autoCapitalize="none"
          spellCheck={false}
          required
          withAsterisk={false}
          {...form.getInputProps("defaultVmrSuffix")}
        />
        <Group>
          <Button type="submit" loading={update.isPending}>
            Save
          </Button>
          {form.isDirty() && (
            <Button variant="default" onClick={() => form.setValues(settings)}>
              Discard changes
            </Button>
          )}
        </Group>
      </Stack>
      <ConfirmModal
        opened={removedDomains.length > 0}
        title={removedDomains.length === 1 ? "Remove a service domain?" : "Remove service domains?"}
        confirmLabel="Remove and save"
        loading={update.isPending}
        onCancel={() => setRemovedDomains([])}
        onConfirm={() => save(normalised(form.getValues()))}
      >
        {removedDomains.length === 1
          ? `You are removing ${removedDomains[0]}. New addresses can no longer use it, and the change is refused while companies still use it.`
          : `You are removing ${removedDomains.join(", ")}. New addresses can no longer use them, and the change is refused while companies still use them.`}
      </ConfirmModal>
    </form>
  );
}
