import { Button, Divider, Stack, Text, TextInput, Title } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useState } from "react";
import { useNavigate } from "react-router";
import { emailProblem, normaliseEmail } from "../../../../domain/email";
import {
  domainProblem,
  normaliseDomain,
  normaliseVmrSuffix,
  vmrSuffixProblem,
} from "../../../../domain/service-settings";
import { ErrorAlert } from "../../../components/ErrorAlert";
import { applyServerErrors, focusFirstInvalidField } from "../../../lib/formErrors";
import { NewPasswordFields } from "../../auth/components/NewPasswordFields";
import { validateConfirmation, validateNewPassword } from "../../auth/passwordRules";
import { useCompleteSetup } from "../queries";

// Field names mirror the POST /setup body so the server's field paths (e.g. "operator.email")
// land on the right inputs.
interface SetupFormValues {
  serviceName: string;
  serviceDomain: string;
  vmrSuffix: string;
  operator: { fullName: string; email: string; password: string; confirmPassword: string };
}

export function SetupForm({ token }: { token: string }) {
  const navigate = useNavigate();
  const completeSetup = useCompleteSetup();
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<SetupFormValues>({
    initialValues: {
      serviceName: "",
      serviceDomain: "",
      vmrSuffix: ".vmr",
      operator: { fullName: "", email: "", password: "", confirmPassword: "" },
    },
    validate: {
      serviceName: (value) => (value.trim() ? null : "Enter a name for the service."),
      serviceDomain: (value) => domainProblem(normaliseDomain(value)),
      vmrSuffix: (value) => vmrSuffixProblem(normaliseVmrSuffix(value)),
      operator: {
        fullName: (value) => (value.trim() ? null : "Enter the operator's full name."),
        email: (value) => emailProblem(normaliseEmail(value)),
        password: validateNewPassword,
        confirmPassword: (value, values) => validateConfirmation(value, values.operator.password),
      },
    },
  });

  const submit = form.onSubmit((values) => {
    setFormError(null);
    completeSetup.mutate(
      {
        token,
        serviceName: values.serviceName.trim(),
        serviceDomain: normaliseDomain(values.serviceDomain),
        vmrSuffix: normaliseVmrSuffix(values.vmrSuffix),
        operator: {
          fullName: values.operator.fullName.trim(),
          email: normaliseEmail(values.operator.email),
          password: values.operator.password,
        },
      },
      {
        onSuccess: () => navigate("/", { replace: true }),
        onError: (error) => setFormError(applyServerErrors(form, error)),
      },
    );
  }, focusFirstInvalidField);

  const textProps = { required: true, withAsterisk: false } as const;

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <ErrorAlert message={formError} />
        <Title order={2} size="h4">
          Service
        </Title>
        <TextInput
          label="Service name"
          description="Shown to everyone in the header, e.g. Acme Video."
          {...textProps}
          {...form.getInputProps("serviceName")}
        />
        <TextInput
          label="Service domain"
          description="The DNS name video addresses end in."
          placeholder="video.example.com"
          autoCapitalize="none"
          spellCheck={false}
          {...textProps}
          {...form.getInputProps("serviceDomain")}
        />
        <TextInput
          label="Default VMR suffix"
          description="Added to a member's name to form their personal room's address: john.doe.vmr@…"
          autoCapitalize="none"
          spellCheck={false}
          {...textProps}
          {...form.getInputProps("vmrSuffix")}
        />
        <Divider my="xs" />
        <div>
          <Title order={2} size="h4">
            First operator account
          </Title>
          <Text size="sm" c="dimmed">
            Operators run the service. You will be signed in with this account.
          </Text>
        </div>
        <TextInput
          label="Full name"
          autoComplete="name"
          {...textProps}
          {...form.getInputProps("operator.fullName")}
        />
        <TextInput
          label="Email"
          type="email"
          autoComplete="email"
          {...textProps}
          {...form.getInputProps("operator.email")}
        />
        <NewPasswordFields
          label="Password"
          password={form.getInputProps("operator.password")}
          confirmation={form.getInputProps("operator.confirmPassword")}
        />
        <Button type="submit" mt="sm" loading={completeSetup.isPending} disabled={completeSetup.isPending}>
          Finish setup
        </Button>
      </Stack>
    </form>
  );
}
