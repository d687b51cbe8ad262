import { readFile } from "node:fs/promises";
import { expect, type Page, test } from "@playwright/test";
import { type Account, signIn } from "./support/accounts.js";
import { createCompanyWithAdmin, openMembers } from "./support/companies.js";
import { failOnBrowserErrors } from "./support/console-errors.js";
import { mailCount } from "./support/mailbox.js";

/**
 * Bulk invite end to end: a CSV with good and bad rows is previewed, its problems downloaded,
 * the good rows invited; then one invitation is revoked and one resent. A file with more people
 * than licences left cannot be invited.
 */

const company = { name: "Pied Piper", domain: "piedpiper.example" };
const admin: Account = {
  fullName: "Ina Admin",
  email: "ina@piedpiper.example",
  password: "ina's own passphrase",
};
const subject = new RegExp(`You are invited to ${company.name}`);

const FILE = [
  "Full name;email;video address",
  "Pat Peterson;pat@piedpiper.example;pat",
  "Quinn Quill;quinn@piedpiper.example;quinn@piedpiper.example",
  "Rae Rivers;rae@piedpiper.example;rae",
  "Sam Broken;not-an-email;sam",
  "Pat Again;pat.again@piedpiper.example;pat",
].join("\r\n");

test.describe.configure({ mode: "serial" });

failOnBrowserErrors();

async function openBulkInvite(page: Page) {
  await openMembers(page);
  await page.getByRole("button", { name: "Invite people" }).click();
  await page.getByRole("menuitem", { name: "Bulk invite (CSV)" }).click();
  await expect(page.getByRole("heading", { name: "Bulk invite", level: 1 })).toBeVisible();
}

async function upload(page: Page, name: string, content: string) {
  await page
    .locator('input[type="file"]')
    .setInputFiles({ name, mimeType: "text/csv", buffer: Buffer.from(content, "utf8") });
}

test("a company of our own, with 5 licences", async ({ page }) => {
  await createCompanyWithAdmin(page, {
    partnerName: "Pied Piper Partners",
    name: company.name,
    domain: company.domain,
    licences: 5,
    admin,
  });
});

test("the admin previews a CSV, downloads its problems and invites the good rows", async ({ page }) => {
  await signIn(page, admin);
  await openBulkInvite(page);
  await expect(page.getByText("Licences left: 4.")).toBeVisible();

  const example = page.waitForEvent("download");
  await page.getByRole("link", { name: /Download an example file/ }).click();
  const exampleFile = await (await example).path();
  expect(await readFile(exampleFile, "utf8")).toContain("Full name;email;video address");

  await upload(page, "people.csv", FILE);
  await expect(page.getByRole("heading", { name: "Preview of people.csv" })).toBeVisible();
  await expect(
    page.getByText("3 of 5 rows can be invited. 2 rows have problems and will be skipped."),
  ).toBeVisible();
  const table = page.getByRole("table", { name: "People in the file" });
  await expect(table.getByRole("row", { name: /Sam Broken/ })).toContainText("valid email address");
  await expect(table.getByRole("row", { name: /Pat Again/ })).toContainText(
    "Line 2 already uses pat@piedpiper.example",
  );
  await page.getByText("All rows (5)").click();
  await expect(table.getByRole("row", { name: /Quinn Quill/ })).toContainText("Ready");

  const problems = page.waitForEvent("download");
  await page.getByRole("button", { name: "Download rows with problems (CSV)" }).click();
  const problemsFile = await readFile(await (await problems).path(), "utf8");
  expect(problemsFile).toContain('"Sam Broken";"not-an-email"');
  expect(problemsFile).not.toContain("Quinn Quill");

  await page.getByRole("button", { name: "Yes, invite 3 users" }).click();
  await expect(page.getByText("3 people invited")).toBeVisible();
  await expect(page.getByRole("heading", { name: "Pending invites", level: 1 })).toBeVisible();
  for (const name of ["Pat Peterson", "Quinn Quill", "Rae Rivers"]) {
    await expect(page.getByRole("row", { name: new RegExp(name) })).toBeVisible();
  }
  await expect.poll(() => mailCount("rae@piedpiper.example", subject)).toBe(1);
});

test("pending bulk invitations: one revoked, one resent", async ({ page }) => {
  await signIn(page, admin);
  await openMembers(page);
  await page.getByRole("button", { name: "Invite people" }).click();
  await page.getByRole("menuitem", { name: "See pending invites" }).click();

  await page.getByLabel("Select Rae Rivers").check();
  await page.getByRole("button", { name: "Revoke invitation" }).click();
  await page
    .getByRole("dialog", { name: "Revoke 1 invitation?" })
    .getByRole("button", { name: "Revoke 1 invitation" })
    .click();
  await expect(page.getByText("1 invitation revoked.", { exact: false })).toBeVisible();
  await expect(page.getByRole("row", { name: /Rae Rivers/ })).toHaveCount(0);

  await page.getByLabel("Select Quinn Quill").check();
  await page.getByRole("button", { name: "Resend invitations" }).click();
  await expect(page.getByText("1 invitation resent.", { exact: false })).toBeVisible();
  await expect.poll(() => mailCount("quinn@piedpiper.example", subject)).toBe(2);
});

test("a file with more people than licences left cannot be invited", async ({ page }) => {
  await signIn(page, admin);
  await openBulkInvite(page);
  // 5 licences: Ina, Pat and Quinn use 3 (Rae was revoked), so 2 are left for 3 people.
  await upload(
    page,
    "too-many.csv",
    "Tom T;tom@piedpiper.example;tom\nUma U;uma@piedpiper.example;uma\nVic V;vic@piedpiper.example;vic",
  );
  await expect(page.getByRole("alert").filter({ hasText: "Not enough licences" })).toContainText(
    "needs 1 more licence than the 2 left",
  );
  await expect(page.getByRole("button", { name: "Yes, invite 3 users" })).toBeDisabled();

  await page.getByRole("button", { name: "Choose another file" }).click();
  await upload(page, "commas.csv", "Tom T,tom@piedpiper.example,tom");
  await expect(page.getByRole("alert").filter({ hasText: "This file cannot be used" })).toContainText(
    "use semicolons",
  );
});
