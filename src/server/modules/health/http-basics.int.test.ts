import { count } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { completeSetup } from "../../../../test/helpers/fixtures.js";
import { useTestApp } from "../../../../test/helpers/test-app.js";
import { accounts } from "../../db/schema.js";

describe("operations endpoints", () => {
  const app = useTestApp();

  it("answers /healthz and /readyz with a request id", async () => {
    const health = await app().app.inject({ url: "/healthz" });
    expect(health.statusCode).toBe(200);
    expect(health.json()).toEqual({ status: "ok" });
    expect(health.headers["x-request-id"]).toMatch(/^[0-9a-f-]{36}$/);
    const ready = await app().app.inject({ url: "/readyz", headers: { "x-request-id": "trace-me-123" } });
    expect(ready.json()).toMatchObject({ status: "ready" });
    expect(ready.headers["x-request-id"]).toBe("trace-me-123");
  });

  it("publishes the OpenAPI document and the browsable docs", async () => {
    const doc = await app().app.inject({ url: "/api/docs/openapi.json" });
    expect(doc.statusCode).toBe(200);
    const openapi = doc.json();
    expect(openapi.openapi).toBe("3.1.0");
    for (const path of [
      "/api/v1/auth/login",
      "/api/v1/me",
      "/api/v1/setup",
      "/api/v1/auth/password-reset/confirm",
    ]) {
      expect(Object.keys(openapi.paths)).toContain(path);
    }
    expect(openapi.paths["/api/v1/auth/login"].post.requestBody).toBeDefined();
    const page = await app().app.inject({ url: "/api/docs" });
    expect([200, 302]).toContain(page.statusCode);
  });
});

describe("bad input never produces a 500", () => {
  const app = useTestApp();

  it("malformed JSON is a 400 with a clear message", async () => {
    const client = app().client();
    const response = await client.post("/api/v1/auth/login", '{"login": "a", "password": ', {
      "content-type": "application/json",
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error).toEqual({
      code: "MALFORMED_JSON",
      message: "The request body is not valid JSON.",
    });
  });

  it("an empty JSON body is a 400", async () => {
    const response = await app()
      .client()
      .post("/api/v1/auth/login", "", { "content-type": "application/json" });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.code).toBe("MALFORMED_JSON");
  });

  it("an oversize body is a 413", async () => {
    const response = await app()
      .client()
      .post("/api/v1/auth/login", { login: "a@b.example", password: "x".repeat(100_000) });
    expect(response.statusCode).toBe(413);
    expect(response.json().error.code).toBe("PAYLOAD_TOO_LARGE");
  });

  it("a non-JSON body is a 415", async () => {
    const response = await app()
      .client()
      .post("/api/v1/auth/login", "login=a", { "content-type": "text/plain" });
    expect(response.statusCode).toBe(415);
    expect(response.json().error.code).toBe("UNSUPPORTED_MEDIA_TYPE");
  });

  it("wrong types and over-long values are 400s naming the field", async () => {
    const client = app().client();
    const numeric = await client.post("/api/v1/auth/login", { login: 5, password: true });
    expect(numeric.json().error.fields).toEqual({ login: "Expected string.", password: "Expected string." });
    const long = await client.post("/api/v1/auth/login", { login: "a@b.example", password: "p".repeat(257) });
    expect(long.statusCode).toBe(400);
    expect(long.json().error.fields.password).toBe("Too long.");
  });

  it("bad query parameters are 400s, unknown API paths JSON 404s", async () => {
    const operator = await completeSetup(app());
    const page = await operator.get("/api/v1/operator/outbox?page=0&pageSize=abc");
    expect(page.statusCode).toBe(400);
    expect(Object.keys(page.json().error.fields).sort()).toEqual(["page", "pageSize"]);
    const missing = await operator.get("/api/v1/no-such-thing");
    expect(missing.statusCode).toBe(404);
    expect(missing.json().error.code).toBe("NOT_FOUND");
    expect((await app().db.select({ n: count() }).from(accounts))[0]?.n).toBe(1);
  });
});
