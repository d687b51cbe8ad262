import { hash, verify } from "@node-rs/argon2";

/**
 * argon2id, 64 MiB, 3 passes, 1 lane: above OWASP's minimum (19 MiB, 2 passes), which hashes
 * in ≈35 ms on the 2-core reference machine — too cheap. These settings take ≈100 ms there
 * (`npm run bench` reports sign-in latency), inside the 50–250 ms budget that keeps sign-in
 * snappy while making offline guessing expensive. Old hashes keep verifying if this changes:
 * argon2 stores its parameters in the hash.
 */
// Algorithm.Argon2id: the package exports it as a const enum, which isolated modules cannot import.
const ARGON2ID = 2;
const OPTIONS = { algorithm: ARGON2ID, memoryCost: 65_536, timeCost: 3, parallelism: 1 };
/**
 * Inside Vitest only (it sets VITEST in its workers; a server never has it): the cheapest
 * argon2id, so the hundreds of accounts the integration tests create and sign in do not spend
 * minutes hashing. The browser tests and `npm run bench` run the real server at full cost.
 */
const TEST_OPTIONS = { algorithm: ARGON2ID, memoryCost: 1_024, timeCost: 1, parallelism: 1 };
const options = process.env.VITEST ? TEST_OPTIONS : OPTIONS;

export function hashPassword(password: string): Promise<string> {
  return hash(password, options);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

/**
 * Verifying against this when the account does not exist makes an unknown login take as long
 * as a wrong password, so timing does not reveal which accounts exist.
 */
let dummyHash: Promise<string> | undefined;
export async function burnPasswordCheck(password: string): Promise<void> {
  dummyHash ??= hashPassword("confero-dummy-password-for-timing");
  await verifyPassword(await dummyHash, password);
}
