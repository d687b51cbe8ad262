import { Button, Group, Stack, Text, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { notifications } from "@mantine/notifications";
import { useState } from "react";
import type { OwnTeamRoom } from "../../../api/types";
import { ErrorAlert } from "../../../components/ErrorAlert";
import { SectionCard } from "../../../components/SectionCard";
import { applyServerErrors, focusFirstInvalidField } from "../../../lib/formErrors";
import { keepSaved, showSaved } from "../../../lib/savedForm";
import { RoomPinFields } from "../../members/components/RoomPinFields";
import {
  changedRoomFields,
  type OwnRoomValues,
  ownRoomProblems,
  ownRoomValues,
} from "../../profile/components/ownRoomForm";
import { useUpdateMyRoom } from "../queries";

/** The same name-and-PINs rules as the owner's own personal room, applied to a team room. */
const asRoom = (room: OwnTeamRoom) => ({ ...room, address: room.videoAddress });

/** One team room its owner controls: its name and PINs; the address is the admins' to change. */
export function MyRoomForm({ room }: { room: OwnTeamRoom }) {
  const update = useUpdateMyRoom(room.id);
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<OwnRoomValues>({
    initialValues: ownRoomValues(asRoom(room)),
    validate: ownRoomProblems,
    validateInputOnChange: true,
  });

  const submit = form.onSubmit((values) => {
    setFormError(null);
    const input = changedRoomFields(values, asRoom(room));
    if (Object.keys(input).length === 0) {
      notifications.show({
        color: "blue",
        title: "Nothing to save",
        message: "You have not changed anything.",
      });
      return;
    }
    update.mutate(input, {
      onSuccess: ({ room: saved, warnings }) => {
        const next = ownRoomValues(asRoom(saved));
        keepSaved(form, next);
        showSaved("Team room saved", saved.name, warnings);
      },
      onError: (error) => setFormError(applyServerErrors(form, error)),
    });
  }, focusFirstInvalidField);

  return (
    <SectionCard title={room.name}>
      <form onSubmit={submit} noValidate aria-label={`Settings of ${room.name}`}>
        <Stack gap="md">
          <ErrorAlert title="The team room was not saved" message={formError} />
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
              Video address
            </Text>
            <Text style={{ overflowWrap: "anywhere" }}>{room.videoAddress}</Text>
            <Text size="xs" c="dimmed">
              People call this address to join the room. Your administrator can change it.
            </Text>
          </div>
          <RoomPinFields form={form} />
          <Group>
            <Button type="submit" loading={update.isPending}>
              Save {room.name}
            </Button>
            {form.isDirty() && (
              <Button variant="default" onClick={() => form.setValues(ownRoomValues(asRoom(room)))}>
                Discard changes
              </Button>
            )}
          </Group>
        </Stack>
      </form>
    </SectionCard>
  );
}
