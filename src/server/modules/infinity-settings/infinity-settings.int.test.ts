import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { completeSetup } from "../../../../test/helpers/fixtures.js";
import { twoTenants } from "../../../../test/helpers/tenants.js";
import { createTestApp, useTestApp } from "../../../../test/helpers/test-app.js";
import { testDatabaseKind } from "../../../../test/helpers/test-database.js";
import { auditEvents, infinitySettings } from "../../db/schema.js";
import { SecretBox } from "../../lib/secret-box.js";
import { hashToken } from "../../lib/tokens.js";

const PATH = "/api/v1/operator/infinity";
const POLICY = { username: "infinity-policy", password: "policy-pass-0123" };
const SINK = { username: "infinity-events", password: "event-sink-pass-4567" };
const API = { url: "https://Infinity.example.com/", username: "admin", password: "management-api-pw" };
const basic = (c: { username: string; password: string }) =>
  `Basic ${Buffer.from(`${c.username}:${c.password}`).toString("base64")}`;

describe(`Pexip Infinity settings (${testDatabaseKind()})`, () => {
  const app = useTestApp();
  const rows = () => app().db.select().from(infinitySettings);

  it("shows what is unset, the effective default domain and what to tell the Infinity administrator", async () => {
    const operator = await completeSetup(app());
    const response = await operator.get(PATH);
    expect(response.statusCode, response.body).toBe(200);
    const body = response.json();
    expect(body).toMatchObject({
      policy: { username: null, passwordSet: false, setBy: null },
      eventSink: { username: null, passwordSet: false, setBy: null },
      managementApi: { url: null, username: null, passwordSet: false, setBy: null },
      rejectUnknownInOurDomains: false,
      defaultDomain: null,
      effectiveDefaultDomain: "video.example.com",
      serviceDomains: ["video.example.com"],
      updatedAt: null,
      summary: {
        policyProfileUrl: "http://confero.test/policy/v1",
        policyUsername: null,
        requestTypes: {
          enable: [
            "service configuration",
            "participant properties",
            "registration alias",
            "directory information",
          ],
          leaveToInfinity: ["media location", "participant avatar"],
        },
        eventSinkUrl: "http://confero.test/events/v1/pexip",
        eventSinkUsername: null,
      },
    });
    expect(body.summary.text).toContain("External policy server URI: http://confero.test/policy/v1");
    expect(body.summary.text).toContain("URL: http://confero.test/events/v1/pexip");
    expect(body.summary.text).toMatch(/Confero answers 404/);
    expect(await rows()).toEqual([]);
  });

  it("saves credentials as keyed hashes and the API password sealed, and never shows them", async () => {
    const operator = await completeSetup(app());
    const saved = await operator.request("PATCH", PATH, {
      policy: POLICY,
      eventSink: SINK,
      managementApi: API,
      rejectUnknownInOurDomains: true,
      defaultDomain: " Video.Example.COM ",
    });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toMatchObject({
      policy: { username: POLICY.username, passwordSet: true, setBy: null },
      eventSink: { username: SINK.username, passwordSet: true, setBy: null },
      managementApi: { url: "https://Infinity.example.com", username: "admin", passwordSet: true },
      rejectUnknownInOurDomains: true,
      defaultDomain: "video.example.com",
      summary: { policyUsername: POLICY.username, eventSinkUsername: SINK.username },
    });
    expect(saved.json().summary.text).toContain(`Username: ${POLICY.username}`);
    expect(saved.json().updatedAt).toEqual(expect.any(String));

    const [row] = await rows();
    const secret = app().config.sessionSecret;
    expect(row?.policyPasswordHash).toBe(hashToken(secret, POLICY.password));
    expect(row?.eventSinkPasswordHash).toBe(hashToken(secret, SINK.password));
    expect(new SecretBox(secret, "infinity-api-password").open(row?.apiPasswordSealed ?? "")).toBe(
      API.password,
    );
    const audits = await app()
      .db.select()
      .from(auditEvents)
      .where(eq(auditEvents.action, "infinity.updated"));
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({
      actorKind: "operator",
      targetType: "infinity_settings",
      before: { policy: { username: null, passwordSet: false }, rejectUnknownInOurDomains: false },
      after: { policy: { username: POLICY.username, passwordSet: true, passwordChanged: true } },
    });
    // No password, hash or sealed text anywhere the operator or an auditor can see.
    const seen = [JSON.stringify(row), saved.body, (await operator.get(PATH)).body, JSON.stringify(audits)];
    for (const password of [POLICY.password, SINK.password, API.password]) {
      for (const text of seen) expect(text).not.toContain(password);
    }
    for (const text of seen.slice(1)) {
      expect(text).not.toContain(row?.policyPasswordHash);
      expect(text).not.toContain(row?.apiPasswordSealed);
    }

    // A new username keeps the saved password; null clears a pair.
    const renamed = await operator.request("PATCH", PATH, { policy: { username: "renamed" } });
    expect(renamed.json().policy).toEqual({ username: "renamed", passwordSet: true, setBy: null });
    expect((await rows())[0]?.policyPasswordHash).toBe(row?.policyPasswordHash);
    const cleared = await operator.request("PATCH", PATH, { policy: null, managementApi: null });
    expect(cleared.statusCode, cleared.body).toBe(200);
    expect(cleared.json()).toMatchObject({
      policy: { username: null, passwordSet: false },
      eventSink: { username: SINK.username, passwordSet: true },
      managementApi: { url: null, username: null, passwordSet: false },
    });
    expect((await rows())[0]).toMatchObject({
      policyUsername: null,
      policyPasswordHash: null,
      apiPasswordSealed: null,
    });
    // Saving what is already saved changes nothing and is not audited.
    await operator.request("PATCH", PATH, { rejectUnknownInOurDomains: true, policy: null });
    expect(
      await app().db.select().from(auditEvents).where(eq(auditEvents.action, "infinity.updated")),
    ).toHaveLength(3);
  });

  it("refuses bad input with the field and the reason, and changes nothing", async () => {
    const operator = await completeSetup(app());
    const ok = "long-enough-pw";
    const refusals: [unknown, Record<string, unknown>][] = [
      [{ policy: { username: "", password: ok } }, { "policy.username": "Enter a username." }],
      [
        { policy: { username: "a:b", password: ok } },
        { "policy.username": "A username cannot contain a colon (:)." },
      ],
      [
        { policy: { username: "x".repeat(101), password: ok } },
        { "policy.username": "Use at most 100 characters." },
      ],
      [
        { policy: { username: "tab\there", password: ok } },
        { "policy.username": "Use printable characters only." },
      ],
      [
        { policy: { username: "p", password: "short" } },
        { "policy.password": "Use at least 12 characters." },
      ],
      [
        { eventSink: { username: "s", password: "x".repeat(201) } },
        { "eventSink.password": "Use at most 200 characters." },
      ],
      [{ policy: { username: "p" } }, { "policy.password": "Enter a password: none is saved yet." }],
      [
        { managementApi: { url: "ftp://infinity.example.com", username: "a", password: ok } },
        { "managementApi.url": expect.stringMatching(/http:\/\/ or https:\/\//) },
      ],
      [
        { managementApi: { url: "https://infinity.example.com", username: "a" } },
        { "managementApi.password": expect.any(String) },
      ],
      [
        { defaultDomain: "elsewhere.example" },
        { defaultDomain: "Choose one of the service's domains or a company's video domain." },
      ],
      [
        { policy: { username: "p", password: ok }, eventSink: { username: "s", password: ok } },
        { "eventSink.password": expect.stringMatching(/different password from the policy API's/) },
      ],
      [{ rejectUnknownInOurDomains: "yes" }, { rejectUnknownInOurDomains: "Expected boolean." }],
      [{ colour: "blue" }, { colour: "Unknown field." }],
      [{ policy: { username: "p", password: ok, extra: 1 } }, { "policy.extra": "Unknown field." }],
    ];
    for (const [body, fields] of refusals) {
      const response = await operator.request("PATCH", PATH, body);
      expect(response.statusCode, JSON.stringify(body)).toBe(400);
      expect(response.json().error.fields, JSON.stringify(body)).toEqual(fields);
    }
    expect(await rows()).toEqual([]);

    // The event sink's password is compared with the saved (hashed) policy password too, both ways.
    expect((await operator.request("PATCH", PATH, { policy: POLICY })).statusCode).toBe(200);
    const same = await operator.request("PATCH", PATH, {
      eventSink: { username: "other", password: POLICY.password },
    });
    expect(same.statusCode).toBe(400);
    expect(Object.keys(same.json().error.fields)).toEqual(["eventSink.password"]);
    expect((await operator.request("PATCH", PATH, { eventSink: SINK })).statusCode).toBe(200);
    const back = await operator.request("PATCH", PATH, {
      policy: { username: "p", password: SINK.password },
    });
    expect(back.json().error.fields).toEqual({
      "policy.password": "Use a different password from the event sink's.",
    });
    expect((await rows())[0]?.policyUsername).toBe(POLICY.username);
  });

  it("takes a company's video domain as the default domain, and empty for the primary one", async () => {
    const { operator, companyA } = await twoTenants(app());
    const domain = companyA.videoDomains[0] as string;
    const set = await operator.request("PATCH", PATH, { defaultDomain: domain.toUpperCase() });
    expect(set.statusCode, set.body).toBe(200);
    expect(set.json()).toMatchObject({ defaultDomain: domain, effectiveDefaultDomain: domain });
    const unset = await operator.request("PATCH", PATH, { defaultDomain: "" });
    expect(unset.json()).toMatchObject({ defaultDomain: null, effectiveDefaultDomain: "video.example.com" });
  });

  it("is for operators only: 401 without a session, 403 for partner and company admins", async () => {
    const { partnerA, companyA } = await twoTenants(app());
    const paths = [PATH, "/api/v1/operator/policy-requests"];
    const anonymous = app().client();
    for (const path of paths) expect((await anonymous.get(path)).statusCode, path).toBe(401);
    expect((await anonymous.request("PATCH", PATH, { policy: POLICY })).statusCode).toBe(401);
    for (const client of [partnerA.admin, companyA.admin]) {
      for (const path of paths) expect((await client.get(path)).statusCode, path).toBe(403);
      expect((await client.request("PATCH", PATH, { policy: POLICY })).statusCode).toBe(403);
    }
    expect(await rows()).toEqual([]);
  });

  it("lets the policy credentials open no /api/v1 route", async () => {
    const operator = await completeSetup(app());
    await operator.request("PATCH", PATH, { policy: POLICY, eventSink: SINK });
    for (const credentials of [POLICY, SINK]) {
      const headers = { authorization: basic(credentials) };
      for (const path of [PATH, "/api/v1/me", "/api/v1/operator/policy-requests", "/api/v1/partners"]) {
        const response = await app().app.inject({ method: "GET", url: path, headers });
        expect(response.statusCode, path).toBe(401);
      }
      const patch = await app().app.inject({
        method: "PATCH",
        url: PATH,
        headers,
        payload: { policy: null },
      });
      expect([401, 403]).toContain(patch.statusCode);
    }
    expect((await rows())[0]?.policyUsername).toBe(POLICY.username);
  });
});

describe(`Pexip Infinity settings fixed by environment variables (${testDatabaseKind()})`, () => {
  const app = useTestApp();

  it("shows them read-only, refuses to save them, and takes the rest", async () => {
    const t = await createTestApp({
      database: app().database,
      config: {
        policyCredentials: POLICY,
        eventSinkCredentials: SINK,
        infinityApi: { url: "https://mgmt.example.com", username: "env-admin", password: "env-api-password" },
      },
    });
    try {
      const operator = await completeSetup(t);
      const body = (await operator.get(PATH)).json();
      expect(body).toMatchObject({
        policy: {
          username: POLICY.username,
          passwordSet: true,
          setBy: ["POLICY_USERNAME", "POLICY_PASSWORD"],
        },
        eventSink: { username: SINK.username, setBy: ["EVENT_SINK_USERNAME", "EVENT_SINK_PASSWORD"] },
        managementApi: {
          url: "https://mgmt.example.com",
          username: "env-admin",
          passwordSet: true,
          setBy: ["INFINITY_API_URL", "INFINITY_API_USERNAME", "INFINITY_API_PASSWORD"],
        },
        summary: { policyUsername: POLICY.username, eventSinkUsername: SINK.username },
      });
      expect(JSON.stringify(body)).not.toContain("env-api-password");
      const refused = await operator.request("PATCH", PATH, {
        policy: null,
        eventSink: SINK,
        managementApi: null,
      });
      expect(refused.statusCode).toBe(400);
      expect(refused.json().error.fields).toEqual({
        policy: "Set by POLICY_USERNAME and POLICY_PASSWORD on the server; change it there.",
        eventSink: "Set by EVENT_SINK_USERNAME and EVENT_SINK_PASSWORD on the server; change it there.",
        managementApi:
          "Set by INFINITY_API_URL and INFINITY_API_USERNAME and INFINITY_API_PASSWORD on the server; change it there.",
      });
      const rest = await operator.request("PATCH", PATH, { rejectUnknownInOurDomains: true });
      expect(rest.statusCode, rest.body).toBe(200);
      // Environment credentials open nothing under /api/v1 either.
      const me = await t.app.inject({
        method: "GET",
        url: "/api/v1/me",
        headers: { authorization: basic(POLICY) },
      });
      expect(me.statusCode).toBe(401);
    } finally {
      await t.close();
    }
  });

  it("keeps the event sink's password apart from the policy password set in the environment", async () => {
    const t = await createTestApp({ database: app().database, config: { policyCredentials: POLICY } });
    try {
      const operator = await completeSetup(t);
      const same = await operator.request("PATCH", PATH, {
        eventSink: { username: "x", password: POLICY.password },
      });
      expect(same.statusCode).toBe(400);
      expect(Object.keys(same.json().error.fields)).toEqual(["eventSink.password"]);
      expect((await operator.request("PATCH", PATH, { eventSink: SINK })).statusCode).toBe(200);
    } finally {
      await t.close();
    }
  });
});
