import { Text } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { ConfirmModal } from "../../../components/ConfirmModal";
import { ErrorAlert } from "../../../components/ErrorAlert";
import { plural } from "../../../lib/format";
import { useSetHostPins } from "../queries";

interface HostPinsModalProps {
  companyId: string;
  opened: boolean;
  onClose: () => void;
}

/** "Set host PIN on all personal VMRs": asks first, then says how many rooms got one. */
export function HostPinsModal({ companyId, opened, onClose }: HostPinsModalProps) {
  const setPins = useSetHostPins(companyId);
  const close = () => {
    setPins.reset();
    onClose();
  };
  const confirm = () =>
    setPins.mutate(undefined, {
      onSuccess: ({ set }) => {
        notifications.show({
          color: "green",
          title: "Host PINs set",
          message: `Host PINs set on ${plural(set, "personal VMR")}.`,
        });
        close();
      },
    });
  return (
    <ConfirmModal
      opened={opened}
      title="Set host PIN on all personal VMRs?"
      confirmLabel="Set host PINs"
      onConfirm={confirm}
      onCancel={close}
      loading={setPins.isPending}
    >
      <Text size="sm" mb="sm">
        Every personal VMR that has no host PIN gets a random 4-digit host PIN. Rooms that already have one
        keep it. Members see their PIN on their profile and may change or remove it.
      </Text>
      <ErrorAlert title="No PINs were set" message={setPins.error?.message ?? null} />
    </ConfirmModal>
  );
}
