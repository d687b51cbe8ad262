import { Radio, Stack } from "@mantine/core";
import type { UseFormReturnType } from "@mantine/form";
import { MAX_HOSTED_DOMAINS } from "../../../../../domain/company";
import type { DomainSetup } from "../../../../api/types";
import { DomainListEditor } from "../../../../components/DomainListEditor";
import type { CreateCompanyValues } from "./createCompany";

interface DomainSetupFieldsProps {
  form: UseFormReturnType<CreateCompanyValues>;
  /** The service's primary domain, when known. */
  serviceDomain: string | null;
  onSetupChange: (setup: DomainSetup) => void;
}

/** How the company's video addresses are formed, and its custom domains with domain hosting. */
export function DomainSetupFields({ form, serviceDomain, onSetupChange }: DomainSetupFieldsProps) {
  const { slug, domainSetup, hostedDomains } = form.getValues();
  const service = serviceDomain ?? "<service domain>";
  const subdomain = `${slug || "<slug>"}.${service}`;

  return (
    <Stack gap="md">
      <Radio.Group
        label="Domain setup"
        description="The domain part of the company's video addresses. It cannot change for existing addresses."
        value={domainSetup}
        onChange={(value) => onSetupChange(value as DomainSetup)}
      >
        <Stack gap="sm" mt="xs">
          <Radio
            value="service_subdomain"
            label={`Service subdomain (${subdomain})`}
            description={`Addresses like ann.smith@${subdomain}. Nothing for the customer to set up.`}
          />
          <Radio
            value="service_root"
            label="Service root domain"
            description={`Addresses share the service's own domain, like ann.smith.${slug || "acme"}@${service}, so they must be unique across every company.`}
          />
          <Radio
            value="hosted"
            label="Domain hosting (custom domains)"
            description="The customer's own domains, like ann@video.acme.com; short names are allowed. The customer points the domain's DNS to the service."
          />
        </Stack>
      </Radio.Group>
      {domainSetup === "hosted" && (
        <DomainListEditor
          legend="Custom domains"
          description="The first one is used for new addresses, including the first administrator's."
          itemLabel="Custom domain"
          maxCount={MAX_HOSTED_DOMAINS}
          count={hostedDomains.length}
          inputProps={(index) => form.getInputProps(`hostedDomains.${index}`)}
          onAdd={() => form.insertListItem("hostedDomains", "")}
          onRemove={(index) => form.removeListItem("hostedDomains", index)}
          onMakePrimary={(index) => form.reorderListItem("hostedDomains", { from: index, to: 0 })}
          error={form.errors.hostedDomains}
        />
      )}
    </Stack>
  );
}
