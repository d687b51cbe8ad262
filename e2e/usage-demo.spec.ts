import { readFileSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { seedDemo } from "../src/server/modules/demo/seed-demo.js";
import { type Account, openMenuItem, signIn } from "./support/accounts.js";
import { failOnBrowserErrors } from "./support/console-errors.js";
import { E2E_PORT } from "./support/environment.js";
import { startOwnConfero } from "./support/own-confero.js";

/**
 * The usage page as a new installation shows it after `confero seed-demo`: 90 days of calls that
 * went through the event sink the way Infinity sends them. Its own Confero in this process (a
 * fresh in-memory database, the built web app), seeded exactly as the command seeds.
 */

const PORT = E2E_PORT + 18;
const BASE_URL = `http://127.0.0.1:${PORT}`;

let close: (() => Promise<void>) | undefined;
let acmeAdmin: Account | undefined;

test.use({ baseURL: BASE_URL });
failOnBrowserErrors();

test.beforeAll(async () => {
  test.setTimeout(120_000);
  const own = await startOwnConfero(PORT, "usage-demo-e2e-secret-usage-demo-0123");
  close = own.close;
  const seeded = await seedDemo(own.database.db, {
    sessionSecret: own.config.sessionSecret,
    publicUrl: own.config.publicUrl,
    callHistory: true,
  });
  const alice = seeded.accounts.find((a) => a.email === "alice.andersen@acme.example");
  if (!alice) throw new Error("seed-demo has no Acme admin");
  acmeAdmin = { fullName: alice.fullName, email: alice.email, password: alice.password };
});

test.afterAll(async () => {
  await close?.();
});

test("after seed-demo, Company usage shows the chart, the three figures and the three tabs, and exports CSV", async ({
  page,
}) => {
  if (!acmeAdmin) throw new Error("not seeded");
  await signIn(page, acmeAdmin);
  await openMenuItem(page, "Company usage");
  await expect(page.getByRole("heading", { name: "Company usage", level: 1 })).toBeVisible();
  const chart = page.getByRole("figure", { name: "Call minutes per day" });
  await expect(chart.locator(".recharts-bar-rectangle").first()).toBeAttached();
  for (const figure of ["Calls in period", "Call duration", "Room duration"]) {
    const region = page.getByRole("region", { name: figure });
    await expect(region).toBeVisible();
    await expect(region).not.toContainText(/^\D*0( min)?\b/);
  }
  for (const [tab, table] of [
    ["Endpoints", /^Usage by video system/],
    ["Users", /^Usage by user/],
    ["VMRs", /^Usage by VMR/],
  ] as const) {
    await page.getByRole("tab", { name: tab }).click();
    const rows = page.getByRole("table", { name: table }).getByRole("row");
    await expect(rows.nth(1)).toBeVisible();
  }
  const downloading = page.waitForEvent("download");
  await page.getByRole("link", { name: "Export CSV of usage per day", exact: true }).click();
  const file = await downloading;
  const text = readFileSync(await file.path(), "utf8");
  expect(text.startsWith('\uFEFF"Day";"Calls";"Call minutes";"Room minutes"\r\n')).toBe(true);
  const days = text.trim().split("\r\n").slice(1);
  expect(days.some((line) => !line.includes(";0;0;0"))).toBe(true);
});
