import { Button, Group, Stack, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { notifications } from "@mantine/notifications";
import { useState } from "react";
import { ErrorAlert } from "../../../components/ErrorAlert";
import { applyServerErrors, focusFirstInvalidField } from "../../../lib/formErrors";
import { useUpdateProfile } from "../queries";

const MAX_NAME = 200;

export function displayNameProblem(value: string): string | null {
  const name = value.trim();
  if (!name) return "Enter your name.";
  if (name.length > MAX_NAME) return `Use at most ${MAX_NAME} characters.`;
  return null;
}

/** The name others see in meetings and the directory; field name = the PATCH body's. */
export function DisplayNameForm({ fullName }: { fullName: string }) {
  const update = useUpdateProfile();
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm({
    initialValues: { fullName },
    validate: { fullName: displayNameProblem },
    validateInputOnChange: true,
  });

  const submit = form.onSubmit((values) => {
    setFormError(null);
    const next = values.fullName.trim();
    if (next === fullName) {
      notifications.show({ color: "blue", title: "Nothing to save", message: "Your name is unchanged." });
      return;
    }
    update.mutate(
      { fullName: next },
      {
        onSuccess: (profile) => {
          form.setInitialValues({ fullName: profile.fullName });
          form.setValues({ fullName: profile.fullName });
          notifications.show({
            color: "green",
            title: "Name saved",
            message: `You now appear as ${profile.fullName}.`,
          });
        },
        onError: (error) => setFormError(applyServerErrors(form, error)),
      },
    );
  }, focusFirstInvalidField);

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <ErrorAlert title="Your name was not saved" message={formError} />
        <TextInput
          label="Display name"
          description="Shown to others in meetings and in the directory."
          autoComplete="name"
          required
          withAsterisk={false}
          maw={420}
          {...form.getInputProps("fullName")}
        />
        <Group>
          <Button type="submit" loading={update.isPending}>
            Save name
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
