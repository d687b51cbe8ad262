import { eq } from "drizzle-orm";
import { Secret, TOTP } from "otpauth";
import { afterEach, beforeEach, expect, vi } from "vitest";
import { accounts } from "../../src/server/db/schema.js";
import { seedDemo } from "../../src/server/modules/demo/seed-demo.js";
import type { TestApp } from "./test-app.js";
import type { TestClient } from "./test-client.js";

/**
 * Shared by the two-factor integration tests: a clock that moves one TOTP step at a time (only
 * Date is faked, so the database and timers run as usual), codes made with otpauth from the
 * secret the API showed, and enrolment through the API.
 */
const STEP_MS = 30_000;

export function useStepClock() {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ["Date"] });
    // A few seconds into the next step, so a test never straddles a step boundary.
    vi.setSystemTime(Math.ceil(Date.now() / STEP_MS) * STEP_MS + 2_000);
  });
  afterEach(() => {
    vi.useRealTimers();
  });
  return {
    nextStep: () => vi.setSystemTime(Date.now() + STEP_MS),
    advance: (ms: number) => vi.setSystemTime(Date.now() + ms),
  };
}

export function codeFor(secret: string, offsetSteps = 0): string {
  return TOTP.generate({
    secret: Secret.fromBase32(secret.replace(/\s/g, "")),
    algorithm: "SHA1",
    digits: 6,
    period: 30,
    timestamp: Date.now() + offsetSteps * STEP_MS,
  });
}

/** A code that is not the current one nor either neighbour. */
export function wrongCodeFor(secret: string): string {
  const near = new Set([-1, 0, 1].map((offset) => codeFor(secret, offset)));
  for (let n = 0; ; n++) {
    const candidate = String(n).padStart(6, "0");
    if (!near.has(candidate)) return candidate;
  }
}

/** Enrols the client's account; the clock moves on a step, so the next code is a fresh one. */
export async function enrol(client: TestClient, nextStep: () => void) {
  const started = await client.post("/api/v1/me/two-factor/enrolment");
  expect(started.statusCode, started.body).toBe(200);
  const secret = String(started.json().secret).replace(/\s/g, "");
  const confirmed = await client.post("/api/v1/me/two-factor/enrolment/confirm", { code: codeFor(secret) });
  expect(confirmed.statusCode, confirmed.body).toBe(200);
  nextStep();
  return { secret, recoveryCodes: confirmed.json().recoveryCodes as string[] };
}

/** The password step: answers the client (no session yet) and the challenge. */
export async function passwordStep(t: TestApp, login: string, password: string) {
  const client = t.client();
  const response = await client.post("/api/v1/auth/login", { login, password });
  expect(response.statusCode, response.body).toBe(202);
  return { client, challenge: String(response.json().challenge), body: response.json() };
}

export async function demoAccounts(t: TestApp) {
  const seeded = await seedDemo(t.db);
  const find = async (email: string) => {
    const account = seeded.accounts.find((a) => a.email === email);
    const [row] = await t.db.select({ id: accounts.id }).from(accounts).where(eq(accounts.email, email));
    if (!account || !row) throw new Error(`demo data lacks ${email}`);
    return { ...account, id: row.id };
  };
  return {
    seeded,
    alice: await find("alice.andersen@acme.example"),
    bob: await find("bob.baker@acme.example"),
    paul: await find("paul@northwind.example"),
    operator: await find("operator@confero.example"),
  };
}
