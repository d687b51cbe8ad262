import { Button, Group, SimpleGrid, Stack, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useRef, useState } from "react";
import { Link } from "react-router";
import type { Company, DomainSetup } from "../../../../api/types";
import { ErrorAlert } from "../../../../components/ErrorAlert";
import { SectionCard } from "../../../../components/SectionCard";
import { applyServerErrors, focusFirstInvalidField } from "../../../../lib/formErrors";
import { useCreateCompany } from "../../queries";
import { useServiceDomains } from "../../useServiceDomains";
import { CompanyPlanFields } from "./CompanyPlanFields";
import {
  type CreateCompanyValues,
  createCompanyProblems,
  firstVideoDomain,
  initialCreateCompanyValues,
  suggestLocalPart,
  suggestSlug,
  toCreateCompanyInput,
} from "./createCompany";
import { DomainSetupFields } from "./DomainSetupFields";
import { FirstAdminFields } from "./FirstAdminFields";

interface CreateCompanyFormProps {
  partnerId: string;
  /** Where Cancel goes: the list the user came from. */
  cancelPath: string;
  onCreated: (company: Company, adminEmail: string) => void;
}

const SLUG_PATH = "slug";
const ADDRESS_PATH = "firstAdmin.videoAddress";

export function CreateCompanyForm({ partnerId, cancelPath, onCreated }: CreateCompanyFormProps) {
  const createCompany = useCreateCompany(partnerId);
  const serviceDomains = useServiceDomains();
  const serviceDomain = serviceDomains[0] ?? null;
  const [formError, setFormError] = useState<string | null>(null);
  // Suggestions (slug from the name, address from the email) follow along until the user types
  // their own; emptying the field hands it back to the suggestion.
  const slugTypedByUser = useRef(false);
  const addressTypedByUser = useRef(false);

  const form = useForm<CreateCompanyValues>({
    initialValues: initialCreateCompanyValues(),
    validate: (values) => createCompanyProblems(values, serviceDomains),
  });
  const values = form.getValues();
  const videoDomain = firstVideoDomain(values, serviceDomain);

  const nameProps = form.getInputProps("name");
  const changeName = (name: string) => {
    form.setFieldValue("name", name);
    if (!slugTypedByUser.current) form.setFieldValue(SLUG_PATH, suggestSlug(name));
  };
  const changeSlug = (slug: string) => {
    slugTypedByUser.current = slug !== "";
    form.setFieldValue(SLUG_PATH, slug.toLowerCase());
    form.validateField(SLUG_PATH);
  };
  const changeEmail = (email: string) => {
    form.setFieldValue("firstAdmin.email", email);
    if (!addressTypedByUser.current) form.setFieldValue(ADDRESS_PATH, suggestLocalPart(email));
  };
  // A suggested address is checked once the email is complete, not at every keystroke of it.
  const checkSuggestedAddress = () => {
    if (form.getValues().firstAdmin.videoAddress) form.validateField(ADDRESS_PATH);
  };
  const changeAddress = (local: string) => {
    addressTypedByUser.current = local !== "";
    form.setFieldValue(ADDRESS_PATH, local);
    form.validateField(ADDRESS_PATH);
  };
  const changeSetup = (setup: DomainSetup) => {
    form.setFieldValue("domainSetup", setup);
    // Hosted domains waive the minimum length, so the address's verdict may change.
    if (form.getValues().firstAdmin.videoAddress) form.validateField(ADDRESS_PATH);
  };

  const submit = form.onSubmit((submitted) => {
    setFormError(null);
    const input = toCreateCompanyInput(submitted, firstVideoDomain(submitted, serviceDomain));
    createCompany.mutate(input, {
      onSuccess: (company) => onCreated(company, input.firstAdmin.email),
      onError: (error) => setFormError(applyServerErrors(form, error)),
    });
  }, focusFirstInvalidField);

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="lg">
        <ErrorAlert title="The company was not created" message={formError} />
        <SectionCard title="Company">
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
            <TextInput
              label="Company name"
              autoComplete="off"
              required
              withAsterisk={false}
              {...nameProps}
              onChange={(event) => changeName(event.currentTarget.value)}
            />
            <TextInput
              label="Slug"
              description="A short name for the company in addresses and links: a–z, 0–9 and dashes."
              autoCapitalize="none"
              autoComplete="off"
              spellCheck={false}
              required
              withAsterisk={false}
              {...form.getInputProps(SLUG_PATH)}
              onChange={(event) => changeSlug(event.currentTarget.value)}
            />
          </SimpleGrid>
        </SectionCard>
        <SectionCard title="Domains">
          <DomainSetupFields form={form} serviceDomain={serviceDomain} onSetupChange={changeSetup} />
        </SectionCard>
        <SectionCard title="Licences and rooms">
          <CompanyPlanFields
            inputProps={form.getInputProps}
            timeZone={values.timeZone}
            onTimeZoneChange={(zone) => form.setFieldValue("timeZone", zone)}
          />
        </SectionCard>
        <SectionCard
          title="First administrator"
          description="They get an email with a link to choose a password. They use one of the company's licences."
        >
          <FirstAdminFields
            form={form}
            videoDomain={videoDomain}
            onEmailChange={changeEmail}
            onEmailBlur={checkSuggestedAddress}
            onAddressChange={changeAddress}
          />
        </SectionCard>
        <Group>
          <Button type="submit" loading={createCompany.isPending}>
            Create company
          </Button>
          <Button component={Link} to={cancelPath} variant="default">
            Cancel
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
