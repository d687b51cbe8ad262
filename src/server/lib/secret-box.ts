import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";

/**
 * Secrets Confero must read back (a video system's SIP password, which the registration policy
 * hands to Infinity), so they cannot be hashed: AES-256-GCM with a key derived by HKDF from the
 * session secret, with a `purpose` per kind of secret. The stored text is
 * `v1.<iv>.<tag>.<ciphertext>` (base64url): a copy of the database alone reveals nothing, and a
 * changed byte fails to open instead of giving a wrong password.
 */
const VERSION = "v1";
const IV_BYTES = 12;

export class SecretBox {
  private readonly key: Buffer;

  constructor(sessionSecret: string, purpose: string) {
    this.key = Buffer.from(hkdfSync("sha256", sessionSecret, "confero secret-box", `confero:${purpose}`, 32));
  }

  seal(plaintext: string): string {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv("aes-256-gcm", this.key, iv);
    const body = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
    return [VERSION, iv, cipher.getAuthTag(), body]
      .map((part) => (typeof part === "string" ? part : part.toString("base64url")))
      .join(".");
  }

  /** The plaintext, or null when the text was not sealed by this key (or was tampered with). */
  open(sealed: string): string | null {
    const [version, iv, tag, body, ...rest] = sealed.split(".");
    if (version !== VERSION || iv === undefined || tag === undefined || body === undefined) return null;
    if (rest.length > 0) return null;
    try {
      const decipher = createDecipheriv("aes-256-gcm", this.key, Buffer.from(iv, "base64url"));
      decipher.setAuthTag(Buffer.from(tag, "base64url"));
      const plain = Buffer.concat([decipher.update(Buffer.from(body, "base64url")), decipher.final()]);
      return plain.toString("utf8");
    } catch {
      return null;
    }
  }
}
