import { expect, type Page } from "@playwright/test";
import {
  type Account,
  acceptInvitationLink,
  ensureServiceSetUp,
  invitationLink,
  openMenuItem,
  operator,
  signIn,
  signOut,
} from "./accounts.js";

export interface HostedCompany {
  partnerName: string;
  name: string;
  /** Its custom (hosted) domain: short addresses allowed. */
  domain: string;
  licences: number;
  admin: Account;
}

/**
 * The operator adds a partner and a hosted-domain company for it, and the company's first admin
 * activates their account from the emailed link — so a spec has a company of its own and does
 * not depend on the order of the others. Ends signed in as that admin.
 */
export async function createCompanyWithAdmin(page: Page, company: HostedCompany) {
  await ensureServiceSetUp(page);
  await signIn(page, operator);
  await openMenuItem(page, "Service operations");
  await page.getByRole("button", { name: "Add partner" }).first().click();
  const addDialog = page.getByRole("dialog", { name: "Add partner" });
  await addDialog.getByLabel("Partner name").fill(company.partnerName);
  await addDialog.getByRole("button", { name: "Add partner" }).click();
  await expect(page.getByRole("heading", { name: company.partnerName, level: 1 })).toBeVisible();

  await page.getByRole("link", { name: "Create company", exact: true }).click();
  await page.getByLabel("Company name").fill(company.name);
  await page.getByLabel("Domain hosting (custom domains)").check();
  await page.getByLabel("Custom domain 1").fill(company.domain);
  await page.getByLabel("Licences (EULs)").fill(String(company.licences));
  await page.getByLabel("Full name").fill(company.admin.fullName);
  await page.getByLabel("Email").fill(company.admin.email);
  await page.getByRole("button", { name: "Create company" }).click();
  await expect(page.getByRole("heading", { name: company.name, level: 1 })).toBeVisible();
  await signOut(page);

  await acceptInvitationLink(
    page,
    await invitationLink(company.admin, company.name),
    company.admin,
    company.name,
  );
}

/** From anywhere signed in as a company admin: Company administration → Members. */
export async function openMembers(page: Page) {
  await openMenuItem(page, "Company administration");
  await page
    .getByRole("navigation", { name: "Company administration" })
    .getByRole("link", { name: "Members" })
    .click();
  await expect(page.getByRole("heading", { name: "Members", level: 1 })).toBeVisible();
}
