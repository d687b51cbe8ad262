import { count } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { OPERATOR, setupBody, tokenFromLink } from "../../../../test/helpers/fixtures.js";
import { useTestApp } from "../../../../test/helpers/test-app.js";
import { accounts, auditEvents, service } from "../../db/schema.js";

describe("first-run setup", () => {
  const app = useTestApp();
  const countRows = async (table: typeof accounts | typeof service) =>
    (await app().db.select({ n: count() }).from(table))[0]?.n;

  it("reports that setup is required on an empty database", async () => {
    const t = app();
    const response = await t.client().get("/api/v1/setup/status");
    expect(response.json()).toEqual({ setupRequired: true });
  });

  it("sets the service up once, signs the operator in, and kills the link", async () => {
    const t = app();
    const link = await t.services.setup.issueSetupLink();
    expect(link).toMatch(/^http:\/\/confero\.test\/setup\?token=[\w-]{43}$/);
    const token = tokenFromLink(link);
    const client = t.client();

    expect((await client.get(`/api/v1/setup/${token}`)).json()).toEqual({ valid: true });
    const created = await client.post(
      "/api/v1/setup",
      setupBody(token, { serviceDomain: " Video.Example.COM " }),
    );
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({
      email: OPERATOR.email,
      kind: "operator",
      service: { name: "Example Video" },
    });

    const me = await client.get("/api/v1/me");
    expect(me.statusCode).toBe(200);
    expect(me.json().fullName).toBe(OPERATOR.fullName);
    const [row] = await t.db.select().from(service);
    expect(row).toMatchObject({
      name: "Example Video",
      domains: ["video.example.com"],
      defaultVmrSuffix: ".vmr",
    });
    const audit = await t.db.select().from(auditEvents);
    expect(audit.map((a) => a.action).sort()).toEqual(["operator.created", "service.setup"]);

    const again = await t
      .client()
      .post("/api/v1/setup", setupBody(token, { operator: { ...OPERATOR, email: "x@y.test" } }));
    expect(again.statusCode).toBe(404);
    expect(again.json().error.message).toMatch(/invalid or has already been used/);
    expect((await t.client().get(`/api/v1/setup/${token}`)).statusCode).toBe(404);
    expect((await t.client().get("/api/v1/setup/status")).json()).toEqual({ setupRequired: false });
    expect(await t.services.setup.issueSetupLink()).toBeNull();
    expect(await countRows(accounts)).toBe(1);
  });

  it("only the newest printed link works", async () => {
    const t = app();
    const first = tokenFromLink(await t.services.setup.issueSetupLink());
    const second = tokenFromLink(await t.services.setup.issueSetupLink());
    expect((await t.client().post("/api/v1/setup", setupBody(first))).statusCode).toBe(404);
    expect((await t.client().post("/api/v1/setup", setupBody(second))).statusCode).toBe(201);
  });

  it("rejects an unknown token without changing anything", async () => {
    const t = app();
    await t.services.setup.issueSetupLink();
    const response = await t.client().post("/api/v1/setup", setupBody("not-a-real-token"));
    expect(response.statusCode).toBe(404);
    expect(await countRows(service)).toBe(0);
    expect(await countRows(accounts)).toBe(0);
  });

  it("explains every invalid field at once", async () => {
    const t = app();
    const token = tokenFromLink(await t.services.setup.issueSetupLink());
    const response = await t.client().post(
      "/api/v1/setup",
      setupBody(token, {
        serviceName: "",
        serviceDomain: "localhost",
        vmrSuffix: "vmr",
        operator: { fullName: "Olga", email: "not-an-email", password: "short" },
      }),
    );
    expect(response.statusCode).toBe(400);
    const { error } = response.json();
    expect(error.code).toBe("VALIDATION_FAILED");
    expect(Object.keys(error.fields).sort()).toEqual([
      "operator.email",
      "operator.password",
      "serviceDomain",
      "serviceName",
      "vmrSuffix",
    ]);
    expect(error.fields["operator.password"]).toBe("Use at least 10 characters.");
    expect(error.fields.serviceDomain).toMatch(/full domain name/);
    expect(await countRows(service)).toBe(0);
    // The link still works after a rejected attempt.
    expect((await t.client().post("/api/v1/setup", setupBody(token))).statusCode).toBe(201);
  });

  it("refuses unknown fields, missing fields and wrong types with 400", async () => {
    const t = app();
    const token = tokenFromLink(await t.services.setup.issueSetupLink());
    const unknown = await t.client().post("/api/v1/setup", { ...setupBody(token), isAdmin: true });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.fields).toEqual({ isAdmin: "Unknown field." });

    const wrongType = await t.client().post("/api/v1/setup", { ...setupBody(token), serviceName: 42 });
    expect(wrongType.statusCode).toBe(400);
    expect(wrongType.json().error.fields.serviceName).toBe("Expected string.");

    const missing = await t.client().post("/api/v1/setup", { token });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error.fields.serviceName).toBe("Required.");
    expect(await countRows(service)).toBe(0);
  });
});
