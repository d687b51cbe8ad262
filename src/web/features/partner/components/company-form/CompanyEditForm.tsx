import { Button, Group, Stack, Text, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { notifications } from "@mantine/notifications";
import { useState } from "react";
import { MAX_HOSTED_DOMAINS } from "../../../../../domain/company";
import { normaliseDomain, normaliseVmrSuffix } from "../../../../../domain/service-settings";
import type { Company, UpdateCompanyInput } from "../../../../api/types";
import { ConfirmModal } from "../../../../components/ConfirmModal";
import { DomainListEditor } from "../../../../components/DomainListEditor";
import { ErrorAlert } from "../../../../components/ErrorAlert";
import { plural } from "../../../../lib/format";
import { applyServerErrors, focusFirstInvalidField } from "../../../../lib/formErrors";
import { useUpdatePartnerCompany } from "../../queries";
import { useServiceDomains } from "../../useServiceDomains";
import { CompanyPlanFields } from "./CompanyPlanFields";
import { type CompanyPlanValues, companyPlanValidators } from "./companyPlan";
import { hostedDomainsProblems } from "./createCompany";

interface CompanyEditValues extends CompanyPlanValues {
  name: string;
  hostedDomains: string[];
}

function valuesFrom(company: Company): CompanyEditValues {
  return {
    name: company.name,
    status: company.status,
    licences: company.licences.total,
    endpointSubscriptions: company.endpointSubscriptions.total,
    vmrSuffix: company.vmrSuffix,
    hostPinOnAllPersonalRooms: company.hostPinOnAllPersonalRooms,
    timeZone: company.timeZone,
    hostedDomains: [...company.hostedDomains],
  };
}

/** Only what changed is sent, so the audit log records exactly what the user meant to change. */
function changesFrom(company: Company, values: CompanyEditValues): UpdateCompanyInput {
  const changes: UpdateCompanyInput = {};
  const name = values.name.trim();
  if (name !== company.name) changes.name = name;
  if (values.status !== company.status) changes.status = values.status;
  if (Number(values.licences) !== company.licences.total) changes.licences = Number(values.licences);
  if (Number(values.endpointSubscriptions) !== company.endpointSubscriptions.total) {
    changes.endpointSubscriptions = Number(values.endpointSubscriptions);
  }
  const vmrSuffix = normaliseVmrSuffix(values.vmrSuffix);
  if (vmrSuffix !== company.vmrSuffix) changes.vmrSuffix = vmrSuffix;
  if (values.hostPinOnAllPersonalRooms !== company.hostPinOnAllPersonalRooms) {
    changes.hostPinOnAllPersonalRooms = values.hostPinOnAllPersonalRooms;
  }
  if (values.timeZone !== company.timeZone) changes.timeZone = values.timeZone;
  if (company.domainSetup === "hosted") {
    const domains = values.hostedDomains.map(normaliseDomain);
    if (domains.join("\n") !== company.hostedDomains.join("\n")) changes.hostedDomains = domains;
  }
  return changes;
}

/** The partner-side settings of a company: name, status, licences, rooms and custom domains. */
export function CompanyEditForm({ company, partnerId }: { company: Company; partnerId: string }) {
  const update = useUpdatePartnerCompany(partnerId, company.id);
  const serviceDomains = useServiceDomains();
  const [formError, setFormError] = useState<string | null>(null);
  const [pendingSuspension, setPendingSuspension] = useState<UpdateCompanyInput | null>(null);
  const plan = companyPlanValidators(company);
  const form = useForm<CompanyEditValues>({
    initialValues: valuesFrom(company),
    validate: (values) => ({
      name: values.name.trim() ? null : "Enter the company's name.",
      licences: plan.licences(values.licences),
      endpointSubscriptions: plan.endpointSubscriptions(values.endpointSubscriptions),
      vmrSuffix: plan.vmrSuffix(values.vmrSuffix),
      timeZone: plan.timeZone(values.timeZone),
      ...(company.domainSetup === "hosted"
        ? hostedDomainsProblems(values.hostedDomains, serviceDomains)
        : {}),
    }),
  });
  const values = form.getValues();

  const save = (changes: UpdateCompanyInput) => {
    setFormError(null);
    update.mutate(changes, {
      onSuccess: (saved) => {
        setPendingSuspension(null);
        form.setInitialValues(valuesFrom(saved));
        form.setValues(valuesFrom(saved));
        form.resetDirty(valuesFrom(saved));
        notifications.show({ color: "green", title: "Company saved", message: `${saved.name} was updated.` });
      },
      onError: (error) => {
        setPendingSuspension(null);
        setFormError(applyServerErrors(form, error));
      },
    });
  };

  const submit = form.onSubmit((submitted) => {
    const changes = changesFrom(company, submitted);
    if (Object.keys(changes).length === 0) {
      notifications.show({
        color: "blue",
        title: "Nothing to save",
        message: "You have not changed anything.",
      });
    } else if (changes.status === "suspended") {
      setPendingSuspension(changes);
    } else {
      save(changes);
    }
  }, focusFirstInvalidField);

  const addressCount = (index: number) => {
    const domain =
      company.hostedDomains[index] === values.hostedDomains[index] ? values.hostedDomains[index] : null;
    const count = domain ? (company.addressCountsByDomain[domain] ?? 0) : 0;
    return count > 0 ? (
      <Text size="xs" c="dimmed">
        Used by {plural(count, "address", "addresses")}, so it cannot be removed.
      </Text>
    ) : null;
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <ErrorAlert title="The changes were not saved" message={formError} />
        <TextInput label="Company name" required withAsterisk={false} {...form.getInputProps("name")} />
        <CompanyPlanFields
          inputProps={form.getInputProps}
          timeZone={values.timeZone}
          onTimeZoneChange={(zone) => form.setFieldValue("timeZone", zone)}
          licencesDescription={`${company.licences.used} in use. One per member and per team room.`}
          endpointSubscriptionsDescription={`${company.endpointSubscriptions.used} in use. One per video system.`}
        />
        {company.domainSetup === "hosted" && (
          <DomainListEditor
            legend="Custom domains"
            description="The first one is used for new addresses. A domain that addresses still use cannot be removed."
            itemLabel="Custom domain"
            maxCount={MAX_HOSTED_DOMAINS}
            count={values.hostedDomains.length}
            inputProps={(index) => form.getInputProps(`hostedDomains.${index}`)}
            onAdd={() => form.insertListItem("hostedDomains", "")}
            onRemove={(index) => form.removeListItem("hostedDomains", index)}
            onMakePrimary={(index) => form.reorderListItem("hostedDomains", { from: index, to: 0 })}
            error={form.errors.hostedDomains}
            note={addressCount}
          />
        )}
        <Group>
          <Button type="submit" loading={update.isPending && !pendingSuspension}>
            Save changes
          </Button>
          {form.isDirty() && (
            <Button variant="default" onClick={() => form.setValues(valuesFrom(company))}>
              Discard changes
            </Button>
          )}
        </Group>
      </Stack>
      <ConfirmModal
        opened={pendingSuspension !== null}
        title={`Suspend ${company.name}?`}
        confirmLabel="Suspend company"
        loading={update.isPending}
        onCancel={() => setPendingSuspension(null)}
        onConfirm={() => pendingSuspension && save(pendingSuspension)}
      >
        Suspending a company stops its service for all its members. You can set it back to Trial or Paid at
        any time.
      </ConfirmModal>
    </form>
  );
}
