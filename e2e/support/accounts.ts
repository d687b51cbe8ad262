import { readFileSync } from "node:fs";
import { expect, type Page } from "@playwright/test";
import { E2E_STATE_FILE, type E2eState } from "./environment.js";
import { firstLink, waitForMail } from "./mailbox.js";

export interface Account {
  fullName: string;
  email: string;
  password: string;
}

/** The operator auth.spec.ts leaves behind (its final password). */
export const operator: Account = {
  fullName: "Ola Operator",
  email: "ola@operator.example",
  password: "the third passphrase",
};

export async function signIn(page: Page, account: Account) {
  await page.goto("/sign-in");
  await page.getByLabel("Email or video address").fill(account.email);
  await page.getByLabel("Password", { exact: true }).fill(account.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { name: `Welcome, ${account.fullName}` })).toBeVisible();
}

export async function signOut(page: Page) {
  await page.getByRole("button", { name: "Account menu" }).click();
  await page.getByRole("menuitem", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/sign-in/);
}

export async function openMenuItem(page: Page, name: string) {
  await page.getByRole("button", { name: "Account menu" }).click();
  await page.getByRole("menuitem", { name }).click();
}

/** Sets the service up with the operator above unless an earlier spec already has. */
export async function ensureServiceSetUp(page: Page) {
  const status = (await (await page.request.get("/api/v1/setup/status")).json()) as {
    setupRequired: boolean;
  };
  if (!status.setupRequired) return;
  const state = JSON.parse(readFileSync(E2E_STATE_FILE, "utf8")) as E2eState;
  await page.goto(state.setupLink);
  await page.getByLabel("Service name").fill("Example Video");
  await page.getByLabel("Service domain").fill("video.example.com");
  await page.getByLabel("Full name").fill(operator.fullName);
  await page.getByLabel("Email").fill(operator.email);
  await page.getByLabel("Password", { exact: true }).fill(operator.password);
  await page.getByLabel("Confirm password").fill(operator.password);
  await page.getByRole("button", { name: "Finish setup" }).click();
  await expect(page.getByRole("heading", { name: `Welcome, ${operator.fullName}` })).toBeVisible();
  await signOut(page);
}

/** Opens a link from an invitation email and chooses a password; lands signed in. */
export async function acceptInvitationLink(page: Page, link: string, account: Account, organisation: string) {
  await page.goto(link);
  await expect(page.getByRole("heading", { name: `Welcome to ${organisation}` })).toBeVisible();
  await page.getByLabel("Password", { exact: true }).fill(account.password);
  await page.getByLabel("Confirm password").fill(account.password);
  await page.getByRole("button", { name: "Activate account" }).click();
  await expect(page.getByRole("heading", { name: `Welcome, ${account.fullName}` })).toBeVisible();
}

/** The link of the newest invitation email to the account. */
export async function invitationLink(account: { email: string }, organisation: string): Promise<string> {
  return firstLink(await waitForMail(account.email, new RegExp(`You are invited to ${organisation}`)));
}
