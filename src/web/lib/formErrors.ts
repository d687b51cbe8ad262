import { isApiError } from "../api/client";

/** The two things needed from a Mantine form, so any form's values type fits. */
interface FormWithErrors {
  getValues: () => unknown;
  setErrors: (errors: Record<string, string>) => void;
}

/**
 * Puts the server's per-field messages on the matching inputs (field paths use dots, the same
 * as Mantine form paths) and returns what is left for an Alert: the general message, plus any
 * field message that has no input on this form. Returns null when every problem found a home.
 */
export function applyServerErrors(form: FormWithErrors, error: unknown): string | null {
  if (!isApiError(error)) return "Something went wrong. Try again.";
  const entries = Object.entries(error.fields);
  if (entries.length === 0) return error.message;

  const values = form.getValues();
  const placed: Record<string, string> = {};
  const unplaced: string[] = [];
  for (const [path, message] of entries) {
    if (hasPath(values, path)) placed[path] = message;
    else unplaced.push(message);
  }
  form.setErrors(placed);
  if (Object.keys(placed).length > 0) focusFirstInvalidField();
  if (unplaced.length === 0) return null;
  return [error.message, ...unplaced].join(" ");
}

function hasPath(values: unknown, path: string): boolean {
  let current: unknown = values;
  for (const key of path.split(".")) {
    if (typeof current !== "object" || current === null || !(key in current)) return false;
    current = (current as Record<string, unknown>)[key];
  }
  return true;
}

/**
 * Moves keyboard focus to the first field showing an error, so screen-reader and keyboard users
 * land on the problem instead of staying on the submit button. Runs after React has rendered
 * the errors (aria-invalid is set from them).
 */
export function focusFirstInvalidField(): void {
  requestAnimationFrame(() => {
    document.querySelector<HTMLElement>('form [aria-invalid="true"]')?.focus();
  });
}
