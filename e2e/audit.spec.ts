import { readFileSync } from "node:fs";
import { expect, type Page, test } from "@playwright/test";
import { type Account, openMenuItem, signIn } from "./support/accounts.js";
import { createCompanyWithAdmin, openMembers } from "./support/companies.js";
import { failOnBrowserErrors } from "./support/console-errors.js";

/**
 * Company administration › Audit log, end to end. The operator sets up a company of its own (so
 * this file does not depend on the order of the other specs); its admin invites someone, finds
 * that in the audit log, filters it by person and by object, and downloads it as CSV.
 */

const company = { name: "Vandelay", domain: "vandelay.example" };
const admin: Account = {
  fullName: "Vera Admin",
  email: "vera@vandelay.example",
  password: "vera's own passphrase",
};
const ivy = { fullName: "Ivy Audited", email: "ivy@vandelay.example" };

test.describe.configure({ mode: "serial" });

failOnBrowserErrors();

async function openAuditLog(page: Page) {
  await openMenuItem(page, "Company administration");
  await page
    .getByRole("navigation", { name: "Company administration" })
    .getByRole("link", { name: "Audit log" })
    .click();
  await expect(page.getByRole("heading", { name: "Audit log", level: 1 })).toBeVisible();
}

const rows = (page: Page) => page.getByRole("table", { name: "Audit log, newest first" }).getByRole("row");

test("the operator creates a company whose admin activates her account", async ({ page }) => {
  await createCompanyWithAdmin(page, {
    partnerName: "Vandelay Partners",
    name: company.name,
    domain: company.domain,
    licences: 5,
    admin,
  });
});

test("the admin invites someone and finds it in the audit log, filtered and exported", async ({ page }) => {
  await signIn(page, admin);
  await openMembers(page);
  await page.getByRole("button", { name: "Invite people" }).click();
  await page.getByRole("menuitem", { name: "Invite one person" }).click();
  const dialog = page.getByRole("dialog", { name: "Invite one person" });
  await dialog.getByLabel("Full name").fill(ivy.fullName);
  await dialog.getByLabel("Email address").fill(ivy.email);
  await expect(dialog.getByText(/Available/)).toBeVisible();
  await dialog.getByRole("button", { name: "Send invitation" }).click();
  await expect(page.getByText(`Invitation sent to ${ivy.email}.`)).toBeVisible();

  await openAuditLog(page);
  // Newest first: the invitation, then Vera accepting hers, then the operator's work.
  const invited = `Invited ${ivy.fullName} (${ivy.email}) as Member`;
  await expect(rows(page).nth(1)).toContainText("Invited a member");
  await expect(rows(page).nth(1)).toContainText(invited);
  await expect(rows(page).nth(1)).toContainText(admin.fullName);
  await expect(rows(page).filter({ hasText: "Created the company" })).toHaveCount(1);
  await expect(rows(page).filter({ hasText: "Created the company" })).toContainText("operator");

  // By person: only Vera's changes, and the choice is kept in the address.
  await page.getByRole("combobox", { name: "Person" }).click();
  await page.getByRole("option", { name: admin.fullName }).click();
  await expect(page).toHaveURL(/person=/);
  await expect(rows(page).filter({ hasText: "Created the company" })).toHaveCount(0);
  await expect(rows(page).filter({ hasText: invited })).toHaveCount(1);

  // By object text: Ivy's email finds only what was done to her.
  await page.getByRole("searchbox", { name: "Object" }).fill("IVY@vandelay");
  await expect(page).toHaveURL(/object=IVY/);
  await expect(rows(page)).toHaveCount(2);
  await expect(rows(page).nth(1)).toContainText(invited);
  await expect(page.getByText("1 change", { exact: true })).toBeVisible();

  // An object nobody touched: the empty state clears the filters.
  await page.getByRole("searchbox", { name: "Object" }).fill("nobody-at-all");
  await expect(page.getByText("No changes match these filters")).toBeVisible();
  await page.getByRole("button", { name: "Clear filters" }).last().click();
  await expect(rows(page).filter({ hasText: "Created the company" })).toHaveCount(1);
  await expect(page).not.toHaveURL(/person=|object=/);

  // The export carries the current filters.
  await page.getByRole("searchbox", { name: "Object" }).fill(ivy.email);
  await expect(rows(page)).toHaveCount(2);
  const downloading = page.waitForEvent("download");
  await page.getByRole("link", { name: "Export CSV" }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^audit-log-vandelay-\d{4}-\d\d-\d\d\.csv$/);
  const csv = readFileSync(await download.path(), "utf8");
  expect(csv).toContain('"When";"Who";"Action";"Object";"Details";"IP"');
  expect(csv).toContain(`"${admin.fullName}";"Invited a member";"${ivy.fullName}";"${invited}"`);
  expect(csv).not.toContain("Created the company");
});
