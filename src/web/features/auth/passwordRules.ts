import { passwordProblem } from "../../../domain/password";

/** Mantine form validators for a new password and its confirmation, worded like the server. */
export function validateNewPassword(value: string): string | null {
  return passwordProblem(value);
}

export function validateConfirmation(confirmation: string, password: string): string | null {
  if (!confirmation) return "Type the password again.";
  return confirmation === password ? null : "The passwords do not match.";
}
