/** Email addresses are compared case-insensitively, so they are stored trimmed and lowercased. */
export function normaliseEmail(input: string): string {
  return input.trim().toLowerCase();
}

// Deliberately permissive (one @, no spaces, a dot in the domain): the real check is the mail
// that arrives. Stricter patterns reject valid addresses.
const EMAIL = /^[^\s@]{1,64}@[^\s@]+\.[^\s@]+$/;

export function emailProblem(email: string): string | null {
  if (email.length > 254 || !EMAIL.test(email)) return "Enter a valid email address.";
  return null;
}
