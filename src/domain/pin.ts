/**
 * Room PINs, as Pexip Infinity accepts them: optional; digits only, optionally ending in `#`;
 * 4–20 characters including the `#`. A guest PIN requires a host PIN and must differ from it.
 * Shared by the server and the web forms, so both say the same thing beside the same field.
 */

export const PIN_MIN_LENGTH = 4;
export const PIN_MAX_LENGTH = 20;
export const RANDOM_PIN_LENGTH = 4;

export type PinField = "hostPin" | "guestPin";
export type PinRule = "format" | "needs_host_pin" | "same_as_host";
export type PinWarningRule = "same_digit" | "sequence" | "repeated_pattern" | "common";

export interface PinProblem {
  field: PinField;
  rule: PinRule;
  message: string;
}

export interface PinWarning {
  rule: PinWarningRule;
  message: string;
}

export const PIN_FORMAT_MESSAGE = `Use ${PIN_MIN_LENGTH}–${PIN_MAX_LENGTH} digits, optionally ending in #.`;
export const PIN_NEEDS_HOST_MESSAGE = "A guest PIN needs a host PIN.";
export const PIN_SAME_AS_HOST_MESSAGE = "The guest PIN must differ from the host PIN.";

const PIN = /^[0-9]+#?$/;

/** Trimmed; an empty string means "no PIN". */
export function normalisePin(input: string): string {
  return input.trim();
}

/** The format rule alone, for one (normalised) field: null when empty (PINs are optional) or valid. */
export function pinFormatProblem(pin: string): string | null {
  if (pin.length === 0) return null;
  if (pin.length < PIN_MIN_LENGTH || pin.length > PIN_MAX_LENGTH || !PIN.test(pin)) {
    return PIN_FORMAT_MESSAGE;
  }
  return null;
}

/**
 * The digits a caller has to type. Infinity ends PIN entry at a `#` whether or not the PIN
 * stored for the room has one, so `1234` and `1234#` are the same PIN when typed: a guest PIN
 * that differs from the host PIN only by the trailing `#` would let guests in as hosts.
 */
export function pinDigits(pin: string): string {
  return pin.endsWith("#") ? pin.slice(0, -1) : pin;
}

export function samePin(a: string, b: string): boolean {
  return pinDigits(a) === pinDigits(b);
}

/** Every rule the pair breaks, keyed by the form field that should show it; empty when valid. */
export function pinProblems(pins: { hostPin?: string | null; guestPin?: string | null }): PinProblem[] {
  const hostPin = normalisePin(pins.hostPin ?? "");
  const guestPin = normalisePin(pins.guestPin ?? "");
  const problems: PinProblem[] = [];
  const hostFormat = pinFormatProblem(hostPin);
  const guestFormat = pinFormatProblem(guestPin);
  if (hostFormat) problems.push({ field: "hostPin", rule: "format", message: hostFormat });
  if (guestFormat) problems.push({ field: "guestPin", rule: "format", message: guestFormat });
  if (guestPin.length > 0 && hostPin.length === 0) {
    problems.push({ field: "guestPin", rule: "needs_host_pin", message: PIN_NEEDS_HOST_MESSAGE });
  }
  if (!hostFormat && !guestFormat && guestPin.length > 0 && samePin(hostPin, guestPin)) {
    problems.push({ field: "guestPin", rule: "same_as_host", message: PIN_SAME_AS_HOST_MESSAGE });
  }
  return problems;
}

// Among the most used PINs that the digit patterns below do not already catch (keypad shapes,
// pairs, years).
const COMMON_PINS = new Set([
  "1122",
  "2580",
  "0852",
  "1004",
  "2000",
  "2001",
  "6969",
  "1379",
  "1397",
  "1357",
  "2468",
  "7890",
]);

function isSameDigit(digits: string): boolean {
  return /^(\d)\1*$/.test(digits);
}

function isSequence(digits: string): boolean {
  let step = 0;
  for (let i = 1; i < digits.length; i++) {
    const diff = digits.charCodeAt(i) - digits.charCodeAt(i - 1);
    if (diff !== 1 && diff !== -1) return false;
    if (step !== 0 && diff !== step) return false;
    step = diff;
  }
  return true;
}

function isRepeatedPattern(digits: string): boolean {
  return /^(\d{2,})\1+$/.test(digits);
}

/**
 * Easy-to-guess PINs (`1111`, `1234`, `4321`, `1212`, …): a warning to show beside the field,
 * never a reason to refuse the PIN. Empty for no PIN and for a PIN that breaks the format rule
 * (that is `pinProblems`' to report).
 */
export function pinWarnings(pin: string): PinWarning[] {
  const normalised = normalisePin(pin);
  if (normalised.length === 0 || pinFormatProblem(normalised)) return [];
  const digits = pinDigits(normalised);
  if (isSameDigit(digits)) {
    return [{ rule: "same_digit", message: "All digits are the same, so the PIN is easy to guess." }];
  }
  if (isSequence(digits)) {
    return [{ rule: "sequence", message: "The digits run in order, so the PIN is easy to guess." }];
  }
  if (isRepeatedPattern(digits)) {
    return [
      { rule: "repeated_pattern", message: "The PIN repeats a short pattern, so it is easy to guess." },
    ];
  }
  if (COMMON_PINS.has(digits)) {
    return [{ rule: "common", message: "This is one of the most used PINs, so it is easy to guess." }];
  }
  return [];
}

export type RandomFill = (array: Uint16Array) => Uint16Array;

const cryptoFill: RandomFill = (array) => globalThis.crypto.getRandomValues(array);

// 60,000 is the largest multiple of 10,000 below 2^16: values from it upwards are drawn again,
// so `value % 10,000` is uniform (no modulo bias).
const PIN_SPACE = 10 ** RANDOM_PIN_LENGTH;
const UNBIASED_LIMIT = Math.floor(0x10000 / PIN_SPACE) * PIN_SPACE;

/**
 * A crypto-random 4-digit host PIN (Web Crypto: Node 20 and browsers), uniform over the PINs
 * that raise no `pinWarnings` — a generated PIN should never be `1234`.
 */
export function randomHostPin(fill: RandomFill = cryptoFill): string {
  const buffer = new Uint16Array(8);
  for (;;) {
    for (const value of fill(buffer)) {
      if (value >= UNBIASED_LIMIT) continue;
      const pin = String(value % PIN_SPACE).padStart(RANDOM_PIN_LENGTH, "0");
      if (pinWarnings(pin).length === 0) return pin;
    }
  }
}
