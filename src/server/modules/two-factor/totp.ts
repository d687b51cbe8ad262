import { randomInt } from "node:crypto";
import { Secret, TOTP } from "otpauth";
import QRCode from "qrcode";

/**
 * RFC 6238 codes as every authenticator app makes them: SHA-1, 6 digits, 30-second steps. A
 * code is accepted one step either side of now (clock drift), and a step is accepted at most once
 * per account (`account_totp.last_used_step`), so a code seen over someone's shoulder cannot be
 * used again.
 */
const PERIOD_SECONDS = 30;
const DIGITS = 6;
const WINDOW_STEPS = 1;

export const RECOVERY_CODE_COUNT = 10;
/** No 0/o, 1/l/i: recovery codes are read off paper. */
const RECOVERY_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";

function totpFor(secretBase32: string, label = "", issuer = ""): TOTP {
  return new TOTP({
    issuer,
    label,
    algorithm: "SHA1",
    digits: DIGITS,
    period: PERIOD_SECONDS,
    secret: Secret.fromBase32(secretBase32),
  });
}

/** A new 160-bit secret, base32 (what a person types when they cannot scan the QR code). */
export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

export interface Enrolment {
  otpauthUri: string;
  /** A PNG data URL of the otpauth:// URI. */
  qrCode: string;
  /** The base32 secret, grouped in fours for typing. */
  secret: string;
}

export async function describeEnrolment(
  secretBase32: string,
  label: string,
  issuer: string,
): Promise<Enrolment> {
  const otpauthUri = totpFor(secretBase32, label, issuer).toString();
  const qrCode = await QRCode.toDataURL(otpauthUri, { errorCorrectionLevel: "M", margin: 2, width: 220 });
  return { otpauthUri, qrCode, secret: secretBase32.replace(/(.{4})(?=.)/g, "$1 ") };
}

/**
 * The time step the code belongs to, or null when it matches none within the window. The
 * caller refuses a step at or before the last one used.
 */
export function matchingStep(secretBase32: string, code: string, now = Date.now()): number | null {
  const totp = totpFor(secretBase32);
  const delta = totp.validate({ token: code, timestamp: now, window: WINDOW_STEPS });
  if (delta === null) return null;
  return totp.counter({ timestamp: now }) + delta;
}

/** Ten fresh codes like `k7m2-q9xa`, shown once. */
export function newRecoveryCodes(): string[] {
  return Array.from({ length: RECOVERY_CODE_COUNT }, () => {
    const chars = Array.from({ length: 8 }, () => RECOVERY_ALPHABET[randomInt(RECOVERY_ALPHABET.length)]);
    return `${chars.slice(0, 4).join("")}-${chars.slice(4).join("")}`;
  });
}

/** What is hashed: lower case, without the dash or spaces people type. */
export function normaliseRecoveryCode(code: string): string {
  return code.toLowerCase().replace(/[\s-]/g, "");
}

export const TOTP_CODE_PATTERN = /^\d{6}$/;
export const RECOVERY_CODE_PATTERN = /^[a-z0-9]{8}$/;
