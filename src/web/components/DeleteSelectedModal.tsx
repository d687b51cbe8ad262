import { Text } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import type { UseMutationResult } from "@tanstack/react-query";
import { PeopleList } from "../features/members/components/PeopleList";
import { plural } from "../lib/format";
import { ConfirmModal } from "./ConfirmModal";
import { ErrorAlert } from "./ErrorAlert";

interface DeleteSelectedModalProps {
  opened: boolean;
  /** What is deleted, singular and plural: ["member", "members"]. */
  noun: [string, string];
  /** The ticked items, named in the confirmation. */
  items: { id: string; name: string; detail: string }[];
  /** Sentence after the list: what deleting them does. */
  consequence: string;
  /** "Their licences are free again." after "N members deleted." */
  afterwards: string;
  remove: UseMutationResult<{ deleted: number }, Error, string[]>;
  onClose: () => void;
  onDeleted: () => void;
}

/**
 * Asks before deleting the ticked rows of a list, naming them; the server's refusal (the last
 * admin, yourself) stays in view and nothing is deleted. Every list's Delete uses this.
 */
export function DeleteSelectedModal({
  opened,
  noun,
  items,
  consequence,
  afterwards,
  remove,
  onClose,
  onDeleted,
}: DeleteSelectedModalProps) {
  const [singular, pluralNoun] = noun;
  const close = () => {
    remove.reset();
    onClose();
  };
  const confirm = () =>
    remove.mutate(
      items.map((item) => item.id),
      {
        onSuccess: ({ deleted }) => {
          notifications.show({
            color: "green",
            title: `${pluralNoun[0]?.toUpperCase()}${pluralNoun.slice(1)} deleted`,
            message: `${plural(deleted, singular, pluralNoun)} deleted. ${afterwards}`,
          });
          remove.reset();
          onDeleted();
        },
      },
    );
  const count = plural(items.length, singular, pluralNoun);
  return (
    <ConfirmModal
      opened={opened}
      title={`Delete ${count}?`}
      confirmLabel={`Delete ${count}`}
      onConfirm={confirm}
      onCancel={close}
      loading={remove.isPending}
    >
      <Text size="sm">These {pluralNoun} will be deleted:</Text>
      <PeopleList label={`${pluralNoun[0]?.toUpperCase()}${pluralNoun.slice(1)} to delete`} people={items} />
      <Text size="sm" mb="sm">
        {consequence} This cannot be undone.
      </Text>
      <ErrorAlert title="Nothing was deleted" message={remove.error?.message ?? null} />
    </ConfirmModal>
  );
}
