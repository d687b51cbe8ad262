import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";

/** A random, URL-safe secret for links and cookies: 256 bits. */
export function newToken(): string {
  return randomBytes(32).toString("base64url");
}

/**
 * Tokens are stored as keyed hashes: a copy of the database alone cannot be turned into
 * working session cookies or reset links.
 */
export function hashToken(secret: string, token: string): string {
  return createHmac("sha256", secret).update(token).digest("base64url");
}

export function safeEqual(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}
