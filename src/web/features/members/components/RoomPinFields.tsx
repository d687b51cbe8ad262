import { SimpleGrid } from "@mantine/core";
import type { GetInputPropsReturnType } from "@mantine/form";
import type { ChangeEvent } from "react";
import { PinField } from "./PinField";

/** The parts of a Mantine form the PIN fields use; paths like `hostPin` or `personalRoom.hostPin`. */
interface PinForm {
  getInputProps(path: string): GetInputPropsReturnType;
  setFieldValue(path: string, value: string): void;
  validateField(path: string): unknown;
}

interface RoomPinFieldsProps {
  form: PinForm;
  hostPath?: string;
  guestPath?: string;
  /** For a new room, where both are optional extras rather than settings to change. */
  optional?: boolean;
}

/**
 * A room's host and guest PIN side by side — personal VMRs, team rooms, their owners' pages.
 * The guest PIN's verdict depends on the host PIN, so it is checked again when that changes.
 */
export function RoomPinFields({
  form,
  hostPath = "hostPin",
  guestPath = "guestPin",
  optional = false,
}: RoomPinFieldsProps) {
  const host = form.getInputProps(hostPath);
  const guest = form.getInputProps(guestPath);
  const changeHostPin = (event: ChangeEvent<HTMLInputElement>) => {
    form.setFieldValue(hostPath, event.currentTarget.value);
    if (guest.value) form.validateField(guestPath);
  };
  return (
    <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
      <PinField
        label="Host PIN"
        description={
          optional
            ? "Optional. 4–20 digits, optionally ending in #."
            : "4–20 digits, optionally ending in #. Leave empty for no PIN."
        }
        inputProps={{ ...host, onChange: changeHostPin }}
      />
      <PinField
        label="Guest PIN"
        description={
          optional
            ? "Optional. Needs a host PIN, and must differ from it."
            : "Needs a host PIN, and must differ from it."
        }
        inputProps={guest}
      />
    </SimpleGrid>
  );
}
