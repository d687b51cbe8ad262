import { expect, type Page, test } from "@playwright/test";
import {
  type Account,
  ensureServiceSetUp,
  openMenuItem,
  operator,
  signIn,
  signOut,
} from "./support/accounts.js";
import { failOnBrowserErrors } from "./support/console-errors.js";
import { firstLink, waitForMail } from "./support/mailbox.js";

/**
 * Partners and companies, end to end on the installation auth.spec.ts set up: the operator adds
 * a partner and invites its admin; the partner admin accepts, creates a customer company with
 * domain hosting, and acts as its administrator; the company's first admin accepts too.
 */

const partnerName = "Northwind Partners";
const partnerAdmin = {
  fullName: "Pia Partner",
  email: "pia@northwind.example",
  password: "pia's own passphrase",
};
const company = { name: "Initech", slug: "initech", domain: "initech.example" };
const companyAdmin = {
  fullName: "Ann Admin",
  email: "ann@initech.example",
  password: "ann's own passphrase",
};

test.describe.configure({ mode: "serial" });

failOnBrowserErrors();

/** Opens an invitation link from the captured email and chooses a password; lands signed in. */
async function acceptInvitation(page: Page, account: Account, organisation: string) {
  const mail = await waitForMail(account.email, new RegExp(`You are invited to ${organisation}`));
  await page.goto(firstLink(mail));
  await expect(page.getByRole("heading", { name: `Welcome to ${organisation}` })).toBeVisible();
  // .first(): a hosted admin's video address can be the same text as their email.
  await expect(page.getByText(account.email).first()).toBeVisible();
  await page.getByLabel("Password", { exact: true }).fill(account.password);
  await page.getByLabel("Confirm password").fill(account.password);
  await page.getByRole("button", { name: "Activate account" }).click();
  await expect(page.getByRole("heading", { name: `Welcome, ${account.fullName}` })).toBeVisible();
}

test("the operator adds a partner and invites its admin", async ({ page }) => {
  await ensureServiceSetUp(page);
  await signIn(page, operator);
  await openMenuItem(page, "Service operations");
  await expect(page.getByRole("heading", { name: "Partners", level: 1 })).toBeVisible();

  await page.getByRole("link", { name: "Service settings" }).click();
  await expect(page.getByLabel("Service domain 1")).toHaveValue("video.example.com");
  await page.getByRole("link", { name: "Partners", exact: true }).click();

  await page.getByRole("button", { name: "Add partner" }).first().click();
  const addDialog = page.getByRole("dialog", { name: "Add partner" });
  await addDialog.getByLabel("Partner name").fill(partnerName);
  await addDialog.getByRole("button", { name: "Add partner" }).click();
  await expect(page.getByRole("heading", { name: partnerName, level: 1 })).toBeVisible();
  await expect(page.getByText("No partner admins yet")).toBeVisible();

  await page.getByRole("button", { name: "Invite partner admin" }).first().click();
  const inviteDialog = page.getByRole("dialog", { name: "Invite partner admin" });
  await inviteDialog.getByLabel("Full name").fill(partnerAdmin.fullName);
  await inviteDialog.getByLabel("Email").fill(partnerAdmin.email);
  await inviteDialog.getByRole("button", { name: "Send invitation" }).click();
  await expect(page.getByText(`An invitation was sent to ${partnerAdmin.email}`)).toBeVisible();
  const adminRow = page.getByRole("row", { name: new RegExp(partnerAdmin.fullName) });
  await expect(adminRow.getByText("Invited")).toBeVisible();
});

test("the partner admin accepts the invitation from the email and signs in", async ({ page }) => {
  await acceptInvitation(page, partnerAdmin, partnerName);
  await signOut(page);
  await signIn(page, partnerAdmin);
  await openMenuItem(page, "Partner portal");
  await expect(page.getByRole("heading", { name: "Customer companies" })).toBeVisible();
  await expect(page.getByText("No customer companies yet")).toBeVisible();
});

test("the partner admin creates a company with domain hosting and its first admin", async ({ page }) => {
  await signIn(page, partnerAdmin);
  await page.goto("/partner");
  await page.getByRole("link", { name: "Create company", exact: true }).click();
  await expect(page.getByRole("heading", { name: "Create company" })).toBeVisible();

  await page.getByLabel("Company name").fill(company.name);
  await expect(page.getByLabel("Slug")).toHaveValue(company.slug);
  await page.getByLabel("Domain hosting (custom domains)").check();
  await page.getByLabel("Custom domain 1").fill(company.domain);
  await page.getByLabel("Licences (EULs)").fill("5");
  await page.getByLabel("Full name").fill(companyAdmin.fullName);
  await page.getByLabel("Email").fill(companyAdmin.email);
  // Suggested from the email; a three-letter name is fine on a hosted domain.
  const address = page.getByLabel("Video address");
  await expect(address).toHaveValue("ann");
  await expect(page.getByText(`Full address: ann@${company.domain}`)).toBeVisible();
  await expect(address).not.toHaveAttribute("aria-invalid", "true");

  await page.getByRole("button", { name: "Create company" }).click();
  await expect(
    page.getByText(`Company created. An invitation was sent to ${companyAdmin.email}.`),
  ).toBeVisible();
  await expect(page.getByRole("heading", { name: company.name, level: 1 })).toBeVisible();
  await expect(page.getByRole("list", { name: "Video domains" }).getByText(company.domain)).toBeVisible();
});

test("the create form refuses a duplicate slug at the Slug field", async ({ page }) => {
  await signIn(page, partnerAdmin);
  await page.goto("/partner/companies/new");
  await page.getByLabel("Company name").fill("Initech Two");
  await page.getByLabel("Slug").fill(company.slug);
  await page.getByLabel("Full name").fill("Bob Builder");
  await page.getByLabel("Email").fill("bob@initech-two.example");
  await page.getByLabel("Video address").fill("bob.builder");
  await page.getByRole("button", { name: "Create company" }).click();

  const slug = page.getByLabel("Slug");
  await expect(slug).toHaveAttribute("aria-invalid", "true");
  await expect(slug).toHaveAccessibleDescription(/Another company already uses this slug/);
  await expect(page).toHaveURL(/\/partner\/companies\/new$/);
});

test("the company's first admin accepts the invitation and administers the company", async ({ page }) => {
  await acceptInvitation(page, companyAdmin, company.name);
  await openMenuItem(page, "Company administration");
  await expect(page.getByRole("heading", { name: "Company administration" })).toBeVisible();
  await expect(page.getByRole("list", { name: "Video domains" }).getByText(company.domain)).toBeVisible();
  await expect(page.getByText(/You are acting as an administrator/)).toHaveCount(0);
});

test("the partner admin acts as the company's administrator, with a banner saying so", async ({ page }) => {
  await signIn(page, partnerAdmin);
  await openMenuItem(page, "Partner portal");
  await page.getByRole("link", { name: company.name, exact: true }).click();
  await page.getByRole("link", { name: "Open company administration" }).click();

  await expect(page.getByRole("heading", { name: "Company administration" })).toBeVisible();
  const banner = page.getByRole("region", { name: "Acting for a customer" });
  await expect(banner).toContainText(
    `You are acting as an administrator of ${company.name} for ${partnerName}. Your changes are recorded in the company's audit log.`,
  );
  await banner.getByRole("link", { name: "Back to partner portal" }).click();
  await expect(page.getByRole("heading", { name: company.name, level: 1 })).toBeVisible();
});
