import type { FastifyRequest } from "fastify";
import { describe, expect, it } from "vitest";
import { UnauthenticatedError } from "../../errors.js";
import { policyAuthHook } from "./policy-auth.js";
import type { CredentialCheck, PolicySettings } from "./policy-settings.js";

const basic = (user: string, password: string) =>
  `Basic ${Buffer.from(`${user}:${password}`).toString("base64")}`;
const request = (authorization?: string) => ({ headers: { authorization } }) as unknown as FastifyRequest;
const checkFor =
  (user: string, password: string): CredentialCheck =>
  (u, p) =>
    u === user && p === password;

describe("policyAuthHook", () => {
  function hookWith(check: CredentialCheck | null) {
    const settings: { now: PolicySettings } = {
      now: { policyAuth: check, rejectUnknownInOurDomains: false, defaultDomain: null },
    };
    const hook = policyAuthHook({ current: async () => settings.now });
    return { hook, settings };
  }

  it("lets the accepted header in again, and nothing that merely has its length", async () => {
    const { hook } = hookWith(checkFor("infinity", "secret-1"));
    await expect(hook(request(basic("infinity", "secret-1")))).resolves.toBeUndefined();
    await expect(hook(request(basic("infinity", "secret-1")))).resolves.toBeUndefined();
    await expect(hook(request(basic("infinity", "secret-2")))).rejects.toBeInstanceOf(UnauthenticatedError);
    await expect(hook(request())).rejects.toBeInstanceOf(UnauthenticatedError);
  });

  it("stops accepting a remembered header once the credentials change", async () => {
    const { hook, settings } = hookWith(checkFor("infinity", "secret-1"));
    await hook(request(basic("infinity", "secret-1")));
    settings.now = { ...settings.now, policyAuth: checkFor("infinity", "secret-9") };
    const refused = hook(request(basic("infinity", "secret-1")));
    await expect(refused).rejects.toBeInstanceOf(UnauthenticatedError);
    await expect(hook(request(basic("infinity", "secret-9")))).resolves.toBeUndefined();
  });

  it("is open while no credentials are configured", async () => {
    const { hook } = hookWith(null);
    await expect(hook(request())).resolves.toBeUndefined();
  });
});
