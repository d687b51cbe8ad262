import { Button, Group, Stack, Text, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { notifications } from "@mantine/notifications";
import { useState } from "react";
import type { OwnPersonalRoom } from "../../../api/types";
import { ErrorAlert } from "../../../components/ErrorAlert";
import { applyServerErrors, focusFirstInvalidField } from "../../../lib/formErrors";
import { keepSaved, showSaved } from "../../../lib/savedForm";
import { RoomPinFields } from "../../members/components/RoomPinFields";
import { useUpdateOwnRoom } from "../queries";
import { changedRoomFields, type OwnRoomValues, ownRoomProblems, ownRoomValues } from "./ownRoomForm";

/** The member's own personal VMR: its name and PINs; the address is the admins' to change. */
export function OwnRoomForm({ room }: { room: OwnPersonalRoom }) {
  const update = useUpdateOwnRoom();
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<OwnRoomValues>({
    initialValues: ownRoomValues(room),
    validate: ownRoomProblems,
    validateInputOnChange: true,
  });

  const submit = form.onSubmit((values) => {
    setFormError(null);
    const input = changedRoomFields(values, room);
    if (Object.keys(input).length === 0) {
      notifications.show({
        color: "blue",
        title: "Nothing to save",
        message: "You have not changed anything.",
      });
      return;
    }
    update.mutate(input, {
      onSuccess: ({ personalRoom, warnings }) => {
        const next = ownRoomValues(personalRoom);
        keepSaved(form, next);
        showSaved("Meeting room saved", personalRoom.name, warnings);
      },
      onError: (error) => setFormError(applyServerErrors(form, error)),
    });
  }, focusFirstInvalidField);

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <ErrorAlert title="Your meeting room was not saved" message={formError} />
        <TextInput
          label="Room name"
          autoComplete="off"
          required
          withAsterisk={false}
          maw={420}
          {...form.getInputProps("name")}
        />
        <div>
          <Text size="sm" fw={500}>
            Room video address
          </Text>
          <Text style={{ overflowWrap: "anywhere" }}>{room.address}</Text>
          <Text size="xs" c="dimmed">
            People call this address to join your room. Your administrator can change it.
          </Text>
        </div>
        <RoomPinFields form={form} />
        <Group>
          <Button type="submit" loading={update.isPending}>
            Save meeting room
          </Button>
          {form.isDirty() && (
            <Button variant="default" onClick={() => form.setValues(ownRoomValues(room))}>
              Discard changes
            </Button>
          )}
        </Group>
      </Stack>
    </form>
  );
}
