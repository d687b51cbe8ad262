import { expect, type Page, test } from "@playwright/test";
import { type Account, openMenuItem, operator, signIn, signOut } from "./support/accounts.js";
import { createCompanyWithAdmin, openMembers } from "./support/companies.js";
import { failOnBrowserErrors } from "./support/console-errors.js";

/**
 * Video systems, end to end: the partner side (here the operator, on the managed company page)
 * bulk-creates video systems from a CSV — preview with a problem row, then confirm — and twins
 * one to a member; the company's admin renames a shared one and sees it on the Video systems
 * tab, and finds the twinned one on the member's user page.
 */

const admin: Account = {
  fullName: "Peter Gibbons",
  email: "peter@wayne.example",
  password: "peter's own passphrase",
};
const company = {
  partnerName: "Wayne Partners",
  name: "Wayne Enterprises",
  domain: "wayne.example",
  licences: 3,
  admin,
};

test.describe.configure({ mode: "serial" });

failOnBrowserErrors();

let companyId = "";
let partnerId = "";

async function api(page: Page, method: "POST" | "PATCH", url: string, data: unknown) {
  const csrf = (await page.context().cookies()).find((c) => c.name === "csrf_token")?.value ?? "";
  const response = await page.request.fetch(url, {
    method,
    data: data as object,
    headers: { "X-CSRF-Token": csrf },
  });
  expect(response.ok(), `${method} ${url}: ${await response.text()}`).toBe(true);
  return (await response.json()) as Record<string, unknown>;
}

test("a company with an admin and a member, and endpoint subscriptions", async ({ page }) => {
  await createCompanyWithAdmin(page, company);
  const me = (await (await page.request.get("/api/v1/me")).json()) as { company: { id: string } };
  companyId = me.company.id;
  await api(page, "POST", `/api/v1/companies/${companyId}/invitations`, {
    fullName: "Michael Bolton",
    email: "michael@wayne.example",
    videoAddress: "michael",
    role: "member",
  });
  const details = (await (await page.request.get(`/api/v1/companies/${companyId}`)).json()) as {
    partner: { id: string };
  };
  partnerId = details.partner.id;
  await signOut(page);
  await signIn(page, operator);
  await api(page, "PATCH", `/api/v1/partners/${partnerId}/companies/${companyId}`, {
    endpointSubscriptions: 3,
  });
  await signOut(page);
});

test("the partner side bulk-creates video systems from a CSV and twins one to a member", async ({ page }) => {
  await signIn(page, operator);
  await page.goto(`/operator/partners/${partnerId}/companies/${companyId}`);
  await expect(page.getByRole("heading", { name: "Wayne Enterprises", level: 1 })).toBeVisible();
  const section = page.getByRole("region", { name: "Video systems" });
  await expect(section.getByText("No video systems yet")).toBeVisible();

  await section.getByRole("button", { name: "Bulk create (CSV)" }).click();
  const dialog = page.getByRole("dialog", { name: "Bulk create video systems (CSV)" });
  const csv = [
    "username,video_domain,display_name,serial_number",
    "boardroom,wayne.example,Boardroom,SN-100",
    "lobby,wayne.example,Lobby,",
    "michael,wayne.example,Taken address,",
  ].join("\n");
  await dialog.locator('input[type="file"]').setInputFiles({
    name: "endpoints.csv",
    mimeType: "text/csv",
    buffer: Buffer.from(csv),
  });
  await expect(dialog.getByText("2 of 3 rows can be created; 1 have problems.")).toBeVisible();
  await expect(dialog.getByRole("row", { name: /Taken address/ })).toContainText(
    "This video address is already taken.",
  );
  await dialog.getByRole("button", { name: "Yes, create 2 video systems" }).click();
  await expect(dialog).toBeHidden();
  await expect(section.getByRole("row", { name: /Boardroom/ })).toContainText("boardroom@wayne.example");
  await expect(section.getByText("Endpoint subscriptions: 2 of 3 used (1 left).")).toBeVisible();

  await section.getByRole("button", { name: "Add video system" }).click();
  const add = page.getByRole("dialog", { name: "Add video system" });
  await add.getByLabel("Name").fill("Michael's desk");
  await add.getByRole("combobox", { name: "Twinned to member (optional)" }).click();
  await page.getByRole("option", { name: /Michael Bolton/ }).click();
  await add.getByLabel(/Use the member's address/).check();
  await add.getByRole("button", { name: "Add video system" }).click();
  await expect(add).toBeHidden();
  await expect(section.getByRole("row", { name: /Michael's desk/ })).toContainText("michael@wayne.example");
  await signOut(page);
});

test("the admin renames a shared system and finds the twinned one on the member's page", async ({ page }) => {
  await signIn(page, admin);
  await openMenuItem(page, "Company administration");
  await page
    .getByRole("navigation", { name: "Company administration" })
    .getByRole("link", { name: "Video systems" })
    .click();
  await expect(page.getByRole("heading", { name: "Video systems", level: 1 })).toBeVisible();
  await expect(
    page.getByText("Contact your partner (Wayne Partners) to add or remove video systems."),
  ).toBeVisible();
  await expect(page.getByText("Endpoint subscriptions: 3 of 3 used (0 left)")).toBeVisible();
  // Shared systems only: the twinned desk is on its member's page.
  await expect(page.getByRole("row", { name: /Michael's desk/ })).toHaveCount(0);
  const lobby = page.getByRole("row", { name: /Lobby/ });
  await expect(lobby).toContainText("Not activated");

  await lobby.getByRole("link", { name: "Lobby" }).click();
  await expect(page.getByRole("heading", { name: "Lobby", level: 1 })).toBeVisible();
  await expect(page.getByRole("link", { name: "Activate subscription on endpoint: Lobby" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Print QR code: Lobby" })).toBeVisible();
  await page.getByLabel("Name").fill("Reception");
  await page.getByLabel("Video address").fill("reception");
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByText("Reception was updated.")).toBeVisible();
  await page.getByRole("link", { name: "Video systems" }).first().click();
  await expect(page.getByRole("row", { name: /Reception/ })).toContainText("reception@wayne.example");

  await openMembers(page);
  await page.getByRole("link", { name: "Michael Bolton" }).click();
  const systems = page.getByRole("region", { name: "Video systems" });
  await expect(systems.getByRole("row", { name: /Michael's desk/ })).toContainText("michael@wayne.example");
  await expect(systems.getByRole("link", { name: "Print QR code: Michael's desk" })).toBeVisible();
  await expect(
    systems.getByRole("link", { name: "Activate subscription on endpoint: Michael's desk" }),
  ).toBeVisible();
});
