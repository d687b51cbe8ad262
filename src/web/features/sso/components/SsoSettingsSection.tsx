import {
  Alert,
  Button,
  CopyButton,
  Group,
  List,
  PasswordInput,
  Select,
  Stack,
  Switch,
  Text,
  Textarea,
  TextInput,
} from "@mantine/core";
import { useForm } from "@mantine/form";
import { notifications } from "@mantine/notifications";
import { useState } from "react";
import type { Company } from "../../../api/types";
import { ConfirmModal } from "../../../components/ConfirmModal";
import { ErrorAlert } from "../../../components/ErrorAlert";
import { PageLoader } from "../../../components/PageLoader";
import { SectionCard } from "../../../components/SectionCard";
import { applyServerErrors, focusFirstInvalidField } from "../../../lib/formErrors";
import { keepSaved } from "../../../lib/savedForm";
import type { SsoSettingsAnswer } from "../api";
import { useRemoveSsoSettings, useSaveSsoSettings, useSsoSettings, useTestSsoDiscovery } from "../queries";

/** The company Settings page's "Single sign-on" section (OpenID Connect, features/sso). */
export function SsoSettingsSection({ company }: { company: Company }) {
  const settings = useSsoSettings(company.id);
  return (
    <SectionCard
      title="Single sign-on"
      description="Let members sign in through your identity provider (OpenID Connect: Microsoft Entra ID, Okta, Google, Keycloak…)."
    >
      {settings.isPending && <PageLoader />}
      {settings.error && (
        <ErrorAlert title="Single sign-on settings could not be loaded" message={settings.error.message} />
      )}
      {settings.data && (
        <SsoSettingsForm
          key={settings.data.settings?.updatedAt ?? "new"}
          companyId={company.id}
          answer={settings.data}
        />
      )}
    </SectionCard>
  );
}

interface Values {
  issuer: string;
  clientId: string;
  clientSecret: string;
  emailDomains: string;
  enabled: boolean;
  required: boolean;
  breakGlassAccountId: string | null;
}

function valuesOf(answer: SsoSettingsAnswer): Values {
  const saved = answer.settings;
  return {
    issuer: saved?.issuer ?? "",
    clientId: saved?.clientId ?? "",
    clientSecret: "",
    emailDomains: saved?.emailDomains.join("\n") ?? "",
    enabled: saved?.enabled ?? true,
    required: saved?.required ?? false,
    breakGlassAccountId: saved?.breakGlassAccountId ?? null,
  };
}

const domainsOf = (text: string) =>
  text
    .split(/[\s,;]+/)
    .map((domain) => domain.trim())
    .filter(Boolean);

function SsoSettingsForm({ companyId, answer }: { companyId: string; answer: SsoSettingsAnswer }) {
  const save = useSaveSsoSettings(companyId);
  const remove = useRemoveSsoSettings(companyId);
  const discovery = useTestSsoDiscovery(companyId);
  const [formError, setFormError] = useState<string | null>(null);
  const [confirmRemove, setConfirmRemove] = useState(false);
  const saved = answer.settings;
  const form = useForm<Values>({
    initialValues: valuesOf(answer),
    validate: {
      issuer: (value) => (value.trim() ? null : "Enter the issuer URL of your identity provider."),
      clientId: (value) => (value.trim() ? null : "Enter the client ID."),
      clientSecret: (value) => (value || saved?.clientSecretSet ? null : "Enter the client secret."),
      emailDomains: (value) => (domainsOf(value).length > 0 ? null : "Enter at least one email domain."),
      breakGlassAccountId: (value, values) =>
        values.required && !value ? "Choose who keeps their password when single sign-on is required." : null,
    },
  });

  const submit = form.onSubmit((values) => {
    setFormError(null);
    save.mutate(
      {
        issuer: values.issuer.trim(),
        clientId: values.clientId.trim(),
        ...(values.clientSecret ? { clientSecret: values.clientSecret } : {}),
        emailDomains: domainsOf(values.emailDomains),
        enabled: values.enabled,
        required: values.required,
        breakGlassAccountId: values.breakGlassAccountId,
      },
      {
        onSuccess: (next) => {
          keepSaved(form, valuesOf(next));
          notifications.show({
            color: "green",
            title: "Single sign-on saved",
            message: "Your identity provider was found and the settings were saved.",
          });
        },
        onError: (error) => setFormError(applyServerErrors(form, error)),
      },
    );
  }, focusFirstInvalidField);

  const testDiscovery = () => {
    const issuer = form.getValues().issuer.trim();
    if (!issuer) {
      form.setFieldError("issuer", "Enter the issuer URL of your identity provider.");
      return;
    }
    discovery.mutate(issuer, {
      onError: (error) => setFormError(applyServerErrors(form, error)),
      onSuccess: () => form.clearFieldError("issuer"),
    });
  };

  const values = form.getValues();
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md" maw={640}>
        {!saved && (
          <Text size="sm" c="dimmed">
            Single sign-on is not set up: members sign in with their passwords.
          </Text>
        )}
        <ErrorAlert title="The single sign-on settings were not saved" message={formError} />
        <Group align="flex-end" gap="xs" wrap="nowrap">
          <CopyButton value={answer.redirectUri}>
            {({ copied, copy }) => (
              <>
                <TextInput
                  label="Redirect URI"
                  description="Register this as the redirect (callback) URI of Confero's app at your identity provider."
                  value={answer.redirectUri}
                  readOnly
                  style={{ flex: 1 }}
                />
                <Button variant="light" onClick={copy}>
                  {copied ? "Copied" : "Copy"}
                </Button>
              </>
            )}
          </CopyButton>
        </Group>
        <Stack gap="xs" align="flex-start">
          <TextInput
            label="Issuer URL"
            description="e.g. https://login.example.com — Confero reads its /.well-known/openid-configuration."
            required
            withAsterisk={false}
            w="100%"
            {...form.getInputProps("issuer")}
          />
          <Button variant="default" size="xs" onClick={testDiscovery} loading={discovery.isPending}>
            Test discovery
          </Button>
        </Stack>
        {discovery.data && (
          <Alert color="green" variant="light" title="Identity provider found" role="status">
            <List size="sm" spacing={2}>
              <List.Item>Issuer: {discovery.data.issuer}</List.Item>
              <List.Item>Sign-in page: {discovery.data.authorizationEndpoint}</List.Item>
              <List.Item>Token endpoint: {discovery.data.tokenEndpoint}</List.Item>
              <List.Item>Signing keys: {discovery.data.jwksUri}</List.Item>
            </List>
          </Alert>
        )}
        <TextInput label="Client ID" required withAsterisk={false} {...form.getInputProps("clientId")} />
        <PasswordInput
          label="Client secret"
          description={
            saved?.clientSecretSet
              ? "A secret is saved (it is never shown). Leave this empty to keep it."
              : "From your identity provider; stored encrypted."
          }
          autoComplete="new-password"
          {...form.getInputProps("clientSecret")}
        />
        <Textarea
          label="Email domains"
          description="People whose email is in these domains sign in through this provider. One per line, e.g. example.com."
          autosize
          minRows={2}
          {...form.getInputProps("emailDomains")}
        />
        <Switch
          label="Single sign-on is on"
          description="Offers “Continue with single sign-on” on the sign-in page for these email domains."
          {...form.getInputProps("enabled", { type: "checkbox" })}
        />
        <Switch
          label="Require single sign-on for members"
          description="Members with these email domains can no longer sign in with a password (or reset it); only the break-glass admin below can, for when the identity provider is down."
          {...form.getInputProps("required", { type: "checkbox" })}
        />
        <Select
          label="Break-glass admin"
          description="An admin who keeps signing in with their password. Required when single sign-on is required."
          placeholder={answer.admins.length ? "Choose an admin" : "The company has no active admins"}
          data={answer.admins.map((admin) => ({
            value: admin.id,
            label: `${admin.fullName} (${admin.email})`,
          }))}
          clearable
          {...form.getInputProps("breakGlassAccountId")}
        />
        {values.required && values.enabled && (
          <Alert color="yellow" variant="light">
            Once saved, members with these email domains sign in only through your identity provider.
          </Alert>
        )}
        <Group>
          <Button type="submit" loading={save.isPending}>
            {saved ? "Save" : "Set up single sign-on"}
          </Button>
          {form.isDirty() && (
            <Button variant="default" onClick={() => form.setValues(valuesOf(answer))}>
              Discard changes
            </Button>
          )}
          {saved && (
            <Button variant="subtle" color="red" onClick={() => setConfirmRemove(true)}>
              Remove single sign-on
            </Button>
          )}
        </Group>
      </Stack>
      <ConfirmModal
        opened={confirmRemove}
        title="Remove single sign-on?"
        confirmLabel="Remove single sign-on"
        loading={remove.isPending}
        onCancel={() => setConfirmRemove(false)}
        onConfirm={() =>
          remove.mutate(undefined, {
            onSuccess: () => {
              setConfirmRemove(false);
              notifications.show({
                color: "green",
                title: "Single sign-on removed",
                message: "Members sign in with their passwords again.",
              });
            },
            onError: (error) => {
              setConfirmRemove(false);
              setFormError(error.message);
            },
          })
        }
      >
        Members will sign in with their passwords again; those who never set one use “Forgot your password?”.
        The provider settings and client secret are deleted.
      </ConfirmModal>
    </form>
  );
}
