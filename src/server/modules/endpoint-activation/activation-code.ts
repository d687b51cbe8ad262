import { randomInt } from "node:crypto";

/**
 * One-time activation codes, typed by a person on an endpoint's touch panel or into an
 * activation tool: 12 characters in groups of four (`ABCD-EFGH-JKLM`) from an alphabet without
 * look-alikes (no 0/O, 1/I/L), so about 59 bits of randomness — plenty against guessing with the
 * per-IP rate limit and 30-day expiry.
 */
export const ACTIVATION_CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
const LENGTH = 12;
const GROUP = 4;

export function newActivationCode(): string {
  let code = "";
  for (let i = 0; i < LENGTH; i += 1)
    code += ACTIVATION_CODE_ALPHABET[randomInt(ACTIVATION_CODE_ALPHABET.length)];
  return formatActivationCode(code);
}

/** `ABCDEFGHJKMN` → `ABCD-EFGH-JKMN`. */
export function formatActivationCode(compact: string): string {
  return compact.match(new RegExp(`.{1,${GROUP}}`, "g"))?.join("-") ?? compact;
}

/**
 * What a person typed, in canonical form (`ABCD-EFGH-JKMN`), or null when it cannot be a code:
 * case, spaces and dashes do not matter.
 */
export function normaliseActivationCode(typed: string): string | null {
  const compact = typed.toUpperCase().replace(/[\s-]/g, "");
  if (compact.length !== LENGTH) return null;
  for (const char of compact) if (!ACTIVATION_CODE_ALPHABET.includes(char)) return null;
  return formatActivationCode(compact);
}
