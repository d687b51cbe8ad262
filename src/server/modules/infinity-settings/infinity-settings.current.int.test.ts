import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { completeSetup, OPERATOR } from "../../../../test/helpers/fixtures.js";
import { twoTenants } from "../../../../test/helpers/tenants.js";
import { type TestApp, useTestApp } from "../../../../test/helpers/test-app.js";
import { testDatabaseKind } from "../../../../test/helpers/test-database.js";
import { insertVideoSystem } from "../../../../test/helpers/video-systems.js";
import type { Config } from "../../config.js";
import { accounts, infinitySettings } from "../../db/schema.js";
import type { AccountActor } from "../auth/actor.js";
import { InfinitySettingsService } from "./infinity-settings.service.js";

const POLICY = { username: "infinity-policy", password: "policy-pass-0123" };
const SINK = { username: "infinity-events", password: "event-sink-pass-4567" };
const API = { url: "https://infinity.example.com", username: "admin", password: "management-api-pw" };

async function operatorActor(t: TestApp): Promise<AccountActor> {
  const [row] = await t.db.select().from(accounts).where(eq(accounts.email, OPERATOR.email));
  if (!row) throw new Error("no operator");
  return {
    type: "account",
    accountId: row.id,
    kind: "operator",
    role: null,
    companyId: null,
    partnerId: null,
    fullName: row.fullName,
    ip: null,
  };
}

describe(`InfinitySettingsService.current() (${testDatabaseKind()})`, () => {
  const app = useTestApp();
  const service = (config: Partial<Config> = {}) =>
    new InfinitySettingsService({ db: app().db, config: { ...app().config, ...config } });

  it("is open, without API and on the primary domain while nothing is saved", async () => {
    expect(await service().current()).toEqual({
      policyAuth: null,
      eventSinkAuth: null,
      managementApi: null,
      rejectUnknownInOurDomains: false,
      defaultDomain: null,
    });
    await completeSetup(app());
    expect((await service().current()).defaultDomain).toBe("video.example.com");
  });

  it("checks saved credentials, opens the API password and uses the chosen domain", async () => {
    const { companyA } = await twoTenants(app());
    const settings = service();
    const domain = companyA.videoDomains[0] as string;
    await settings.update(await operatorActor(app()), {
      policy: POLICY,
      eventSink: SINK,
      managementApi: API,
      rejectUnknownInOurDomains: true,
      defaultDomain: domain,
    });
    const now = await settings.current();
    expect(now).toMatchObject({ managementApi: API, rejectUnknownInOurDomains: true, defaultDomain: domain });
    expect(now.policyAuth?.(POLICY.username, POLICY.password)).toBe(true);
    expect(now.policyAuth?.(POLICY.username, `${POLICY.password}x`)).toBe(false);
    expect(now.policyAuth?.("someone", POLICY.password)).toBe(false);
    expect(now.policyAuth?.(SINK.username, SINK.password)).toBe(false);
    expect(now.eventSinkAuth?.(SINK.username, SINK.password)).toBe(true);
    expect(now.eventSinkAuth?.(POLICY.username, POLICY.password)).toBe(false);
    // Sealed with another session secret (it was changed): no API rather than a wrong password.
    const otherSecret = service({ sessionSecret: "another-secret-another-secret-another-0" });
    expect((await otherSecret.current()).managementApi).toBeNull();
  });

  it("lets environment variables win over saved settings", async () => {
    await completeSetup(app());
    const actor = await operatorActor(app());
    await service().update(actor, { policy: POLICY, eventSink: SINK, managementApi: API });
    const env = {
      policyCredentials: { username: "env-policy", password: "env-policy-password" },
      eventSinkCredentials: { username: "env-sink", password: "env-sink-password" },
      infinityApi: { url: "https://env.example.com", username: "env", password: "env-api-password" },
    };
    const now = await service(env).current();
    expect(now.managementApi).toEqual(env.infinityApi);
    expect(now.policyAuth?.("env-policy", "env-policy-password")).toBe(true);
    expect(now.policyAuth?.(POLICY.username, POLICY.password)).toBe(false);
    expect(now.eventSinkAuth?.("env-sink", "env-sink-password")).toBe(true);
    expect(now.eventSinkAuth?.(SINK.username, SINK.password)).toBe(false);
  });

  it("loads once for concurrent callers, keeps the answer until invalidated, and update() invalidates", async () => {
    await completeSetup(app());
    const settings = service();
    const [a, b] = await Promise.all([settings.current(), settings.current()]);
    expect(a).toBe(b);
    expect(await settings.current()).toBe(a);

    // A change written elsewhere (another instance) is seen only after invalidate().
    await app().db.insert(infinitySettings).values({ id: 1, rejectUnknownInOurDomains: true });
    expect((await settings.current()).rejectUnknownInOurDomains).toBe(false);
    settings.invalidate();
    const reloaded = await settings.current();
    expect(reloaded).not.toBe(a);
    expect(reloaded.rejectUnknownInOurDomains).toBe(true);

    // Its own update is seen at once.
    await settings.update(await operatorActor(app()), { policy: POLICY, rejectUnknownInOurDomains: false });
    const updated = await settings.current();
    expect(updated.rejectUnknownInOurDomains).toBe(false);
    expect(updated.policyAuth?.(POLICY.username, POLICY.password)).toBe(true);
  });

  it("gives MeetingConnect the saved management API", async () => {
    const { operator, companyA } = await twoTenants(app());
    const system = await insertVideoSystem(app(), companyA.id, {
      name: "Meeting Room 6",
      address: `room6.alpha@${companyA.videoDomains[0]}`,
    });
    const connect = `/api/v1/connect/${system.connectToken}`;
    expect((await app().client().get(connect)).json().dialsFromConfero).toBe(false);
    const saved = await operator.request("PATCH", "/api/v1/operator/infinity", { managementApi: API });
    expect(saved.statusCode, saved.body).toBe(200);
    expect((await app().client().get(connect)).json().dialsFromConfero).toBe(true);
    await operator.request("PATCH", "/api/v1/operator/infinity", { managementApi: null });
    expect((await app().client().get(connect)).json().dialsFromConfero).toBe(false);
  });
});
