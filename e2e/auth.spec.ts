import { readFileSync } from "node:fs";
import { expect, type Page, test } from "@playwright/test";
import { failOnBrowserErrors } from "./support/console-errors.js";
import { E2E_STATE_FILE, type E2eState } from "./support/environment.js";
import { firstLink, waitForMail } from "./support/mailbox.js";

/**
 * The foundation's user flows, in order on one fresh installation: first-run setup, sign in
 * and out, and a forgotten password reset through the link in the email that really arrived.
 */
const operator = {
  fullName: "Ola Operator",
  email: "ola@operator.example",
  password: "first operator passphrase",
};
const state = (): E2eState => JSON.parse(readFileSync(E2E_STATE_FILE, "utf8"));

test.describe.configure({ mode: "serial" });

failOnBrowserErrors();

async function signIn(page: Page, login: string, password: string) {
  await page.goto("/sign-in");
  await page.getByLabel("Email or video address").fill(login);
  await page.getByLabel("Password", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { name: `Welcome, ${operator.fullName}` })).toBeVisible();
}

async function signOut(page: Page) {
  await page.getByRole("button", { name: "Account menu" }).click();
  await page.getByRole("menuitem", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/sign-in/);
}

test("sign-in page says the service is not set up yet", async ({ page }) => {
  await page.goto("/sign-in");
  await expect(page.getByText(/not set up yet/)).toBeVisible();
});

test("first-run setup creates the service and signs the operator in", async ({ page }) => {
  await page.goto(state().setupLink);
  await page.getByLabel("Service name").fill("Example Video");
  await page.getByLabel("Service domain").fill("video.example.com");
  await expect(page.getByLabel("Default VMR suffix")).toHaveValue(".vmr");
  await page.getByLabel("Full name").fill(operator.fullName);
  await page.getByLabel("Email").fill(operator.email);
  await page.getByLabel("Password", { exact: true }).fill("short");
  await page.getByLabel("Confirm password").fill("short");
  await page.getByRole("button", { name: "Finish setup" }).click();
  await expect(page.getByText("Use at least 10 characters.").first()).toBeVisible();

  await page.getByLabel("Password", { exact: true }).fill(operator.password);
  await page.getByLabel("Confirm password").fill(operator.password);
  await page.getByRole("button", { name: "Finish setup" }).click();
  await expect(page.getByRole("heading", { name: `Welcome, ${operator.fullName}` })).toBeVisible();
  await expect(page).toHaveTitle(/Confero/);
});

test("the setup link works only once", async ({ page }) => {
  await page.goto(state().setupLink);
  await expect(page.getByText(/invalid or has already been used/)).toBeVisible();
});

test("the operator signs out and back in, and sees the operator menu", async ({ page }) => {
  await signIn(page, operator.email, operator.password);
  await page.getByRole("button", { name: "Account menu" }).click();
  await expect(page.getByRole("menuitem", { name: "Outbox" })).toBeVisible();
  await expect(page.getByRole("menuitem", { name: "Company administration" })).toHaveCount(0);
  await page.keyboard.press("Escape");
  await signOut(page);
  await page.goto("/account");
  await expect(page).toHaveURL(/\/sign-in\?next=/);
});

test("a wrong password is refused with a clear message", async ({ page }) => {
  await page.goto("/sign-in");
  await page.getByLabel("Email or video address").fill(operator.email);
  await page.getByLabel("Password", { exact: true }).fill("not my password at all");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByText("Wrong email, video address or password.")).toBeVisible();
});

test("a forgotten password is reset through the link in the email", async ({ page }) => {
  await page.goto("/sign-in");
  await page.getByRole("link", { name: "Forgot your password?" }).click();
  await page.getByLabel("Email").fill(operator.email);
  await page.getByRole("button", { name: "Send reset link" }).click();
  await expect(page.getByText(/If an account exists for that email/)).toBeVisible();

  const mail = await waitForMail(operator.email, /Reset your Example Video password/);
  expect(mail.html).toContain("reset-password?token=");
  const link = firstLink(mail);
  await page.goto(link);
  const newPassword = "my brand new passphrase";
  await page.getByLabel("New password").fill(newPassword);
  await page.getByLabel("Confirm password").fill(newPassword);
  await page.getByRole("button", { name: "Reset password" }).click();
  await expect(page.getByText(/password has been (changed|reset)/i).first()).toBeVisible();

  operator.password = newPassword;
  await signIn(page, operator.email, newPassword);

  // The link worked once.
  await page.goto(link);
  await page.getByLabel("New password").fill("yet another passphrase");
  await page.getByLabel("Confirm password").fill("yet another passphrase");
  await page.getByRole("button", { name: "Reset password" }).click();
  await expect(page.getByText(/expired or has already been used/)).toBeVisible();
});

test("the operator reads the reset email in the outbox, links clickable", async ({ page }) => {
  await signIn(page, operator.email, operator.password);
  await page.getByRole("button", { name: "Account menu" }).click();
  await page.getByRole("menuitem", { name: "Outbox" }).click();
  await expect(page.getByRole("heading", { name: "Outbox" })).toBeVisible();
  await page.getByRole("button", { name: "Reset your Example Video password" }).first().click();
  const dialog = page.getByRole("dialog");
  await expect(dialog.getByRole("link", { name: /reset-password\?token=/ })).toBeVisible();
  await dialog.getByRole("button", { name: "Close" }).click();
  await expect(dialog).toBeHidden();
});

test("changing the password on the account page keeps this session and needs the current one", async ({
  page,
}) => {
  await signIn(page, operator.email, operator.password);
  await page.getByRole("button", { name: "Account menu" }).click();
  await page.getByRole("menuitem", { name: "My account" }).click();
  await expect(page.getByRole("main").getByText(operator.email)).toBeVisible();

  await page.getByLabel("Current password").fill("not the current one");
  await page.getByLabel("New password").fill("the third passphrase");
  await page.getByLabel("Confirm password").fill("the third passphrase");
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page.getByText("The current password is wrong.")).toBeVisible();

  await page.getByLabel("Current password").fill(operator.password);
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page.getByText(/signed out on all other devices/)).toBeVisible();
  operator.password = "the third passphrase";
  await page.reload();
  await expect(page.getByRole("main").getByText(operator.email)).toBeVisible();
  await signOut(page);
  await signIn(page, operator.email, operator.password);
});
