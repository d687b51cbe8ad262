import { readFileSync } from "node:fs";
import { expect, type Page, test } from "@playwright/test";
import { eq } from "drizzle-orm";
import { addDaysTo, addMonthsTo, todayIn } from "../src/domain/usage-period.js";
import { accounts, personalRooms } from "../src/server/db/schema.js";
import { completeSetup, OPERATOR } from "../test/helpers/fixtures.js";
import { createCompany, createPartner, INVITEE_PASSWORD } from "../test/helpers/tenants.js";
import type { TestApp } from "../test/helpers/test-app.js";
import { TestClient } from "../test/helpers/test-client.js";
import { replaceUsage, type UsageRow } from "../test/helpers/usage-rows.js";
import { insertVideoSystem } from "../test/helpers/video-systems.js";
import { type Account, openMenuItem, signIn, signOut } from "./support/accounts.js";
import { failOnBrowserErrors } from "./support/console-errors.js";
import { E2E_PORT } from "./support/environment.js";
import { startOwnConfero } from "./support/own-confero.js";

/**
 * Company usage, end to end. The usage pages only read usage_daily, which the event sink keeps;
 * this spec writes those rows itself, so it runs a Confero of its own in this process (the
 * shared one's embedded database belongs to its process): a fresh in-memory database, the built
 * web app, a company with three weeks of usage. Its admin opens Company usage, sees the chart,
 * the three figures and the three tabs, and downloads CSV; its partner and the operator see the
 * company in their usage lists.
 */

const PORT = E2E_PORT + 17;
const BASE_URL = `http://127.0.0.1:${PORT}`;

const admin: Account = {
  fullName: "Admin of usage-co",
  email: "admin@usage-co.example",
  password: INVITEE_PASSWORD,
};
const partnerAdmin: Account = {
  fullName: "Usage Partners Admin",
  email: "admin@usage-partners.example",
  password: INVITEE_PASSWORD,
};
const operator: Account = OPERATOR;

let close: (() => Promise<void>) | undefined;

test.use({ baseURL: BASE_URL });
test.describe.configure({ mode: "serial" });

failOnBrowserErrors();

/** Three weeks of usage ending today (the company's Europe/Oslo days), by room, person and video system. */
function usageRows(today: string, ids: { admin: string; room: string; system: string }): UsageRow[] {
  const rows: UsageRow[] = [];
  for (let back = 0; back < 21; back += 1) {
    const day = addDaysTo(today, -back);
    const calls = 1 + (back % 3);
    rows.push(
      { day, calls, callMinutes: calls * 20, roomMinutes: calls * 15 },
      { day, dimension: "vmr", key: ids.room, calls, callMinutes: calls * 20, roomMinutes: calls * 15 },
      { day, dimension: "user", key: ids.admin, calls, callMinutes: calls * 20, roomMinutes: calls * 15 },
      { day, dimension: "endpoint", key: ids.system, calls: 1, callMinutes: 20 },
    );
  }
  return rows;
}

test.beforeAll(async () => {
  test.setTimeout(90_000);
  const own = await startOwnConfero(PORT, "usage-e2e-secret-usage-e2e-secret-0123");
  close = own.close;
  const t: TestApp = { ...own, db: own.database.db, client: () => new TestClient(own.app) };

  const operatorClient = await completeSetup(t);
  const partner = await createPartner(t, operatorClient, "Usage Partners");
  const company = await createCompany(t, partner.admin, partner.id, "usage-co");
  const [account] = await t.db.select().from(accounts).where(eq(accounts.email, admin.email));
  const [room] = await t.db
    .select()
    .from(personalRooms)
    .where(eq(personalRooms.accountId, account?.id ?? ""));
  if (!account || !room) throw new Error("the company's admin has no personal room");
  const system = await insertVideoSystem(t, company.id, {
    name: "Board room",
    address: `board.room@${company.videoDomains[0]}`,
  });
  const today = todayIn("Europe/Oslo");
  await replaceUsage(
    t.db,
    company.id,
    usageRows(today, { admin: account.id, room: room.id, system: system.id }),
  );
});

test.afterAll(async () => {
  await close?.();
});

async function download(page: Page, linkName: string): Promise<{ name: string; text: string }> {
  const downloading = page.waitForEvent("download");
  await page.getByRole("link", { name: linkName, exact: true }).click();
  const file = await downloading;
  return { name: file.suggestedFilename(), text: readFileSync(await file.path(), "utf8") };
}

test("a company admin sees the chart, the figures and the tabs, and exports CSV", async ({ page }) => {
  await signIn(page, admin);
  await openMenuItem(page, "Company usage");
  await expect(page.getByRole("heading", { name: "Company usage", level: 1 })).toBeVisible();
  await expect(page.getByRole("combobox", { name: "Period" })).toHaveValue("Last 3 months");

  // The chart, with its summary in words and the numbers behind it on request.
  const chart = page.getByRole("figure", { name: "Call minutes per day" });
  await expect(chart).toBeVisible();
  await expect(chart.locator(".recharts-bar-rectangle").first()).toBeAttached();
  await expect(chart).toContainText("on 21 of");
  await page.getByRole("button", { name: "Show the numbers per day" }).click();
  await expect(page.getByRole("table", { name: /^Usage per day/ })).toBeVisible();

  // Three weeks of 1, 2, 3 calls a day: 42 calls, 840 call minutes, 630 room minutes.
  const calls = page.getByRole("region", { name: "Calls in period" });
  await expect(calls).toContainText("42");
  await expect(calls).toContainText("—");
  await expect(page.getByRole("region", { name: "Call duration" })).toContainText("840 min");
  await expect(page.getByRole("region", { name: "Room duration" })).toContainText("630 min");
  // Each figure's definition: on hover, and from the keyboard.
  await page.getByRole("button", { name: "About Room duration" }).hover();
  await expect(page.getByRole("tooltip")).toContainText(
    "the union of the time each room had a conference running",
  );
  await page.mouse.move(0, 0);
  // The hover tooltip fades out first, so only the focused one is left to read.
  await expect(page.getByRole("tooltip")).toBeHidden();
  await page.getByRole("combobox", { name: "Period" }).focus();
  await page.keyboard.press("Tab");
  await expect(page.getByRole("button", { name: "About Calls in period" })).toBeFocused();
  await expect(page.getByRole("tooltip")).toContainText("each point-to-point (gateway) call once");
  // The tabs: Endpoints first, then Users and VMRs.
  await expect(page.getByRole("tab", { name: "Endpoints" })).toHaveAttribute("aria-selected", "true");
  const endpoints = page.getByRole("table", { name: /^Usage by video system/ });
  await expect(endpoints.getByRole("row").nth(1)).toContainText("Board room");
  await expect(endpoints.getByRole("row").nth(1)).toContainText("21");
  await page.getByRole("tab", { name: "Users" }).click();
  await expect(page).toHaveURL(/tab=users/);
  const users = page.getByRole("table", { name: /^Usage by user/ });
  await expect(users.getByRole("row").nth(1)).toContainText(admin.fullName);
  await expect(users.getByRole("row").nth(1)).toContainText("840");

  const usersCsv = await download(page, "Export CSV of usage by user");
  expect(usersCsv.name).toMatch(/^usage-users-usage-co-\d{4}-\d\d-\d\d-to-\d{4}-\d\d-\d\d\.csv$/);
  expect(
    usersCsv.text.startsWith('\uFEFF"Name";"Video address";"Calls";"Call minutes";"Room minutes";"Id"\r\n'),
  ).toBe(true);
  expect(usersCsv.text).toContain(`"${admin.fullName}"`);

  await page.getByRole("tab", { name: "VMRs" }).click();
  const vmrs = page.getByRole("table", { name: /^Usage by VMR/ });
  await expect(vmrs.getByRole("row").nth(1)).toContainText("630");
  // Sorting by a column header is kept in the address.
  await vmrs.getByRole("button", { name: /^Calls/ }).click();
  await expect(page).toHaveURL(/sort=calls/);

  const daysCsv = await download(page, "Export CSV of usage per day");
  expect(daysCsv.text.startsWith('\uFEFF"Day";"Calls";"Call minutes";"Room minutes"\r\n')).toBe(true);
  expect(daysCsv.text.trim().split("\r\n").length).toBeGreaterThan(85);

  // A month long before the usage began: the empty state says how usage arrives.
  const longAgo = addMonthsTo(todayIn("Europe/Oslo"), -12).slice(0, 7);
  const label = new Intl.DateTimeFormat("en", { month: "long", year: "numeric", timeZone: "UTC" }).format(
    new Date(`${longAgo}-01T00:00:00Z`),
  );
  await page.getByRole("combobox", { name: "Period" }).click();
  await page.getByRole("option", { name: label }).click();
  await expect(page).toHaveURL(new RegExp(`month=${longAgo}`));
  await expect(page.getByText("No calls in this period")).toBeVisible();
  await expect(
    page.getByText(/Usage appears once Pexip Infinity sends call events to Confero/),
  ).toBeVisible();
  await expect(page.getByRole("region", { name: "Calls in period" })).toContainText("0");
  await signOut(page);
});

test("the partner and the operator see the company in their usage lists", async ({ page }) => {
  await signIn(page, partnerAdmin);
  await openMenuItem(page, "Partner portal");
  await page.getByRole("navigation", { name: "Partner portal" }).getByRole("link", { name: "Usage" }).click();
  await expect(page.getByRole("heading", { name: "Usage", level: 1 })).toBeVisible();
  const customers = page.getByRole("table", { name: /^Usage per company/ });
  await expect(customers.getByRole("row").nth(1)).toContainText("Usage-co Inc");
  await expect(customers.getByRole("row").nth(1)).toContainText("840");
  const csv = await download(page, "Export CSV of usage per company");
  expect(
    csv.text.startsWith('\uFEFF"Company";"Partner";"Calls";"Call minutes";"Room minutes";"Company id"\r\n'),
  ).toBe(true);
  // The company's own usage page, for the same days, as the partner acting for it.
  await customers.getByRole("link", { name: "Usage-co Inc" }).click();
  await expect(page.getByRole("heading", { name: "Company usage", level: 1 })).toBeVisible();
  await expect(page.getByRole("region", { name: "Calls in period" })).toContainText("42");
  await signOut(page);

  await signIn(page, operator);
  await openMenuItem(page, "Service operations");
  await page
    .getByRole("navigation", { name: "Service operations" })
    .getByRole("link", { name: "Usage" })
    .click();
  const all = page.getByRole("table", { name: /^Usage per company/ });
  await expect(all.getByRole("row").nth(1)).toContainText("Usage-co Inc");
  await expect(all.getByRole("row").nth(1)).toContainText("Usage Partners");
});
