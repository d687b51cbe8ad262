import { notifications } from "@mantine/notifications";

/** The part of a Mantine form (`useForm`) that `keepSaved` uses. */
interface ResettableForm<Values> {
  setInitialValues(values: Values): void;
  setValues(values: Values): void;
  resetDirty(values?: Values): void;
}

/**
 * After a save, the saved values become the form's clean state: it is no longer dirty, and
 * "Discard changes" returns to what was saved, not to what the page first loaded.
 */
export function keepSaved<Values>(form: ResettableForm<Values>, saved: Values) {
  form.setInitialValues(saved);
  form.setValues(saved);
  form.resetDirty(saved);
}

/** "<name> was updated." — or, when the server warned (easy-to-guess PINs), the warnings in yellow. */
export function showSaved(title: string, name: string, warnings: readonly string[] = []) {
  notifications.show({
    color: warnings.length > 0 ? "yellow" : "green",
    title,
    message: warnings.length > 0 ? `Saved. ${warnings.join(" ")}` : `${name} was updated.`,
  });
}
