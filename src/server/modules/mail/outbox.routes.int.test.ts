import { describe, expect, it } from "vitest";
import { completeSetup, signIn } from "../../../../test/helpers/fixtures.js";
import { useTestApp } from "../../../../test/helpers/test-app.js";
import { seedDemo } from "../demo/seed-demo.js";

describe("the operator outbox", () => {
  const app = useTestApp();

  it("lists queued emails, newest first, with paging — for operators only", async () => {
    const operator = await completeSetup(app());
    const seeded = await seedDemo(app().db);
    for (const email of ["bob.baker@acme.example", "carol.chen@acme.example"]) {
      await app().client().post("/api/v1/auth/password-reset", { email });
    }

    const firstPage = await operator.get("/api/v1/operator/outbox?page=1&pageSize=1");
    expect(firstPage.statusCode).toBe(200);
    const body = firstPage.json();
    expect(body).toMatchObject({ total: 2, page: 1, pageSize: 1 });
    expect(body.items).toHaveLength(1);
    expect(body.items[0]).toMatchObject({ to: "carol.chen@acme.example", status: "pending", attempts: 0 });
    expect(body.items[0].text).toContain("/reset-password?token=");
    const second = (await operator.get("/api/v1/operator/outbox?page=2&pageSize=1")).json();
    expect(second.items[0].to).toBe("bob.baker@acme.example");

    const byEmail = (address: string) => seeded.accounts.find((a) => a.email === address);
    for (const address of ["alice.andersen@acme.example", "paul@northwind.example"]) {
      const account = byEmail(address);
      if (!account) throw new Error(`no ${address}`);
      const client = await signIn(app(), account.email, account.password);
      const refused = await client.get("/api/v1/operator/outbox");
      expect(refused.statusCode, address).toBe(403);
      expect(refused.json().error.code).toBe("FORBIDDEN");
    }
    expect((await app().client().get("/api/v1/operator/outbox")).statusCode).toBe(401);
  });
});
