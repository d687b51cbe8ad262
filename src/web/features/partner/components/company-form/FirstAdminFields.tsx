import { SimpleGrid, Stack, TextInput } from "@mantine/core";
import type { UseFormReturnType } from "@mantine/form";
import type { CreateCompanyValues } from "./createCompany";
import { VideoAddressInput } from "./VideoAddressInput";

interface FirstAdminFieldsProps {
  form: UseFormReturnType<CreateCompanyValues>;
  videoDomain: string | null;
  onEmailChange: (email: string) => void;
  onEmailBlur: () => void;
  onAddressChange: (local: string) => void;
}

/** The company's first administrator: invited by email, with their own video address. */
export function FirstAdminFields({
  form,
  videoDomain,
  onEmailChange,
  onEmailBlur,
  onAddressChange,
}: FirstAdminFieldsProps) {
  const hosted = form.getValues().domainSetup === "hosted";
  const emailProps = form.getInputProps("firstAdmin.email");
  return (
    <Stack gap="md">
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
        <TextInput
          label="Full name"
          autoComplete="off"
          required
          withAsterisk={false}
          {...form.getInputProps("firstAdmin.fullName")}
        />
        <TextInput
          label="Email"
          type="email"
          autoComplete="off"
          required
          withAsterisk={false}
          {...emailProps}
          onChange={(event) => onEmailChange(event.currentTarget.value)}
          onBlur={onEmailBlur}
        />
      </SimpleGrid>
      <VideoAddressInput
        label="Video address"
        domain={videoDomain}
        unknownDomainHint={
          hosted
            ? "Enter a custom domain above first."
            : "Enter a slug above; the service domain is added by the server."
        }
        inputProps={form.getInputProps("firstAdmin.videoAddress")}
        onLocalPartChange={onAddressChange}
      />
    </Stack>
  );
}
