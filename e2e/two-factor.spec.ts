import { expect, type Page, request, test } from "@playwright/test";
import { Secret, TOTP } from "otpauth";
import {
  type Account,
  ensureServiceSetUp,
  openMenuItem,
  operator,
  signIn,
  signOut,
} from "./support/accounts.js";
import { failOnBrowserErrors } from "./support/console-errors.js";
import { E2E_BASE_URL } from "./support/environment.js";
import { firstLink, waitForMail } from "./support/mailbox.js";

/**
 * Two-factor sign-in, end to end: a company admin turns it on from My profile (reading the
 * setup key off the page and making codes with otpauth, as an authenticator app would), signs
 * in with password and code, then with a recovery code, makes new recovery codes and turns it
 * off. Then the operator requires it of partner admins, and a partner admin sets it up on the
 * sign-in page before getting in.
 */

const company = { name: "Stark Industries", slug: "stark" };
const admin: Account = {
  fullName: "Bill Lumbergh",
  email: "bill@stark.example",
  password: "bill's own passphrase",
};
const partnerName = "Stark Resellers";
const partnerAdmin: Account = {
  fullName: "Bob Slydell",
  email: "bob.slydell@resellers.example",
  password: "bob's own passphrase",
};

test.describe.configure({ mode: "serial" });

failOnBrowserErrors();

/** An API client with its own cookies, sending the CSRF header like the web app. */
async function apiClient() {
  const context = await request.newContext({ baseURL: E2E_BASE_URL });
  await context.get("/api/v1/setup/status");
  const csrf = async () => (await context.storageState()).cookies.find((c) => c.name === "csrf_token")?.value;
  const send = async (method: "POST" | "PATCH", url: string, data: unknown) => {
    const response = await context.fetch(url, {
      method,
      data: data as object,
      headers: { "X-CSRF-Token": (await csrf()) ?? "" },
    });
    expect(response.ok(), `${method} ${url}: ${await response.text()}`).toBe(true);
    return response.json() as Promise<Record<string, unknown>>;
  };
  return {
    context,
    post: (url: string, data: unknown) => send("POST", url, data),
    patch: (url: string, data: unknown) => send("PATCH", url, data),
  };
}

async function acceptInvitation(account: Account, organisation: string) {
  const link = firstLink(await waitForMail(account.email, new RegExp(`You are invited to ${organisation}`)));
  const token = new URL(link).pathname.split("/").pop();
  const client = await apiClient();
  await client.post(`/api/v1/invitations/${token}/accept`, { password: account.password });
  await client.context.dispose();
}

/**
 * Codes as an authenticator app makes them. The server accepts each 30-second step once and
 * one step ahead of its clock, so this hands out the next unused step, waiting when it must.
 */
function authenticator(secret: string) {
  let lastStep = 0;
  return async () => {
    for (;;) {
      const current = Math.floor(Date.now() / 30_000);
      const step = Math.max(lastStep + 1, current);
      if (step <= current + 1 && (step > current || Date.now() % 30_000 < 25_000)) {
        lastStep = step;
        return TOTP.generate({ secret: Secret.fromBase32(secret), timestamp: step * 30_000 + 1_000 });
      }
      await new Promise((resolve) => setTimeout(resolve, 1_000));
    }
  };
}

async function passwordStep(page: Page, account: Account) {
  await page.goto("/sign-in");
  await page.getByLabel("Email or video address").fill(account.email);
  await page.getByLabel("Password", { exact: true }).fill(account.password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

let nextCode: () => Promise<string> = async () => {
  throw new Error("not enrolled yet");
};
let recoveryCodes: string[] = [];
let operatorApi: Awaited<ReturnType<typeof apiClient>> | null = null;

test("a company with an admin is set up", async ({ page }) => {
  await ensureServiceSetUp(page);
  const ops = await apiClient();
  await ops.post("/api/v1/auth/login", { login: operator.email, password: operator.password });
  const partner = await ops.post("/api/v1/partners", { name: partnerName });
  await ops.post(`/api/v1/partners/${partner.id}/companies`, {
    name: company.name,
    slug: company.slug,
    domainSetup: "service_subdomain",
    licences: 5,
    endpointSubscriptions: 1,
    timeZone: "Europe/Oslo",
    firstAdmin: { fullName: admin.fullName, email: admin.email, videoAddress: "bill.lumbergh" },
  });
  await ops.post(`/api/v1/partners/${partner.id}/admins`, {
    fullName: partnerAdmin.fullName,
    email: partnerAdmin.email,
  });
  operatorApi = ops;
  await acceptInvitation(admin, company.name);
  await acceptInvitation(partnerAdmin, partnerName);
});

test("an admin turns on two-factor sign-in with the QR code's setup key", async ({ page }) => {
  await signIn(page, admin);
  await openMenuItem(page, "My account");
  const section = page.getByRole("region", { name: "Two-factor sign-in" });
  await expect(section.getByText("Off", { exact: true })).toBeVisible();
  await section.getByRole("button", { name: "Set up two-factor sign-in" }).click();
  await expect(
    section.getByRole("img", { name: "QR code for setting up your authenticator app" }),
  ).toBeVisible();
  const secret = (await section.getByLabel("Setup key").inputValue()).replace(/\s/g, "");
  expect(secret).toMatch(/^[A-Z2-7]{32}$/);
  nextCode = authenticator(secret);

  const code = section.getByLabel("Code from your authenticator app");
  await expect(code).toBeFocused();
  await expect(code).toHaveAttribute("autocomplete", "one-time-code");
  await code.fill("000000");
  await section.getByRole("button", { name: "Turn on two-factor sign-in" }).click();
  await expect(section.getByText("That code is not right.", { exact: false })).toBeVisible();

  await code.fill(await nextCode());
  await section.getByRole("button", { name: "Turn on two-factor sign-in" }).click();
  const list = section.getByRole("list", { name: "Recovery codes" });
  await expect(list.getByRole("listitem")).toHaveCount(10);
  recoveryCodes = await list.getByRole("listitem").allInnerTexts();
  for (const recovery of recoveryCodes) expect(recovery).toMatch(/^[a-z2-9]{4}-[a-z2-9]{4}$/);
  await expect(section.getByRole("button", { name: "Download codes" })).toBeVisible();
  await section.getByRole("button", { name: "Done" }).click();
  await expect(section.getByText("On", { exact: true })).toBeVisible();
  await expect(section.getByText("10 of 10 recovery codes left.", { exact: false })).toBeVisible();
  await signOut(page);
});

test("the admin signs in with the password and then a code", async ({ page }) => {
  await passwordStep(page, admin);
  await expect(page.getByRole("heading", { name: "Two-factor sign-in" })).toBeVisible();
  const code = page.getByLabel("Authentication code");
  await expect(code).toBeFocused();
  await expect(page.getByText("Enter the 6-digit code from your authenticator app.")).toBeVisible();
  await code.fill("123");
  await page.getByRole("button", { name: "Verify" }).click();
  await expect(code).toHaveAttribute("aria-invalid", "true");
  await code.fill(await nextCode());
  await page.getByRole("button", { name: "Verify" }).click();
  await expect(page.getByRole("heading", { name: `Welcome, ${admin.fullName}` })).toBeVisible();
  await signOut(page);
});

test("the admin signs in with a recovery code, which then counts as used", async ({ page }) => {
  await passwordStep(page, admin);
  await page.getByRole("button", { name: "Use a recovery code instead" }).click();
  await page.getByLabel("Recovery code").fill(recoveryCodes[0] ?? "");
  await page.getByRole("button", { name: "Verify" }).click();
  await expect(page.getByRole("heading", { name: `Welcome, ${admin.fullName}` })).toBeVisible();
  await openMenuItem(page, "My account");
  const section = page.getByRole("region", { name: "Two-factor sign-in" });
  await expect(section.getByText("9 of 10 recovery codes left.", { exact: false })).toBeVisible();
});

test("the admin regenerates the recovery codes and turns two-factor sign-in off", async ({ page }) => {
  test.setTimeout(90_000);
  await passwordStep(page, admin);
  await page.getByRole("button", { name: "Use a recovery code instead" }).click();
  await page.getByLabel("Recovery code").fill(recoveryCodes[1] ?? "");
  await page.getByRole("button", { name: "Verify" }).click();
  await expect(page.getByRole("heading", { name: `Welcome, ${admin.fullName}` })).toBeVisible();
  await openMenuItem(page, "My account");
  const section = page.getByRole("region", { name: "Two-factor sign-in" });

  await section.getByRole("button", { name: "Regenerate recovery codes" }).click();
  const regenerate = page.getByRole("dialog", { name: "Regenerate recovery codes?" });
  await regenerate.getByLabel("Code from your authenticator app").fill(await nextCode());
  await regenerate.getByRole("button", { name: "Replace recovery codes" }).click();
  const list = section.getByRole("list", { name: "Recovery codes" });
  await expect(list.getByRole("listitem")).toHaveCount(10);
  const fresh = await list.getByRole("listitem").allInnerTexts();
  expect(fresh).not.toContain(recoveryCodes[2]);
  await section.getByRole("button", { name: "Done" }).click();

  await section.getByRole("button", { name: "Turn off two-factor sign-in" }).click();
  const off = page.getByRole("dialog", { name: "Turn off two-factor sign-in?" });
  await off.getByLabel("Password", { exact: true }).fill(admin.password);
  await off.getByRole("button", { name: "Use a recovery code instead" }).click();
  await off.getByLabel("Recovery code").fill(recoveryCodes[2] ?? "");
  await off.getByRole("button", { name: "Turn off" }).click();
  await expect(off.getByText("That recovery code is not valid or has already been used.")).toBeVisible();
  await off.getByLabel("Recovery code").fill(fresh[0] ?? "");
  await off.getByRole("button", { name: "Turn off" }).click();
  await expect(off).toBeHidden();
  await expect(section.getByText("Off", { exact: true })).toBeVisible();
  await signOut(page);
  await signIn(page, admin);
});

test.describe("when the service requires two-factor sign-in for staff", () => {
  test.afterAll(async () => {
    // Other specs sign the operator in with a password alone.
    await operatorApi?.patch("/api/v1/service/settings", { requireTwoFactorForStaff: false });
    await operatorApi?.context.dispose();
  });

  test("the operator turns the requirement on", async ({ page }) => {
    await signIn(page, operator);
    await page.goto("/operator/settings");
    const setting = page.getByRole("switch", {
      name: "Require two-factor sign-in for operators and partner admins",
    });
    await expect(setting).not.toBeChecked();
    await setting.click();
    await expect(page.getByText("Sign-in security saved")).toBeVisible();
    await expect(setting).toBeChecked();
  });

  test("a partner admin sets it up on the sign-in page before getting in", async ({ page }) => {
    await passwordStep(page, partnerAdmin);
    await expect(page.getByRole("heading", { name: "Set up two-factor sign-in" })).toBeVisible();
    await page.getByRole("button", { name: "Set up two-factor sign-in" }).click();
    const secret = (await page.getByLabel("Setup key").inputValue()).replace(/\s/g, "");
    const code = authenticator(secret);
    await page.getByLabel("Code from your authenticator app").fill(await code());
    await page.getByRole("button", { name: "Turn on two-factor sign-in" }).click();
    await expect(page.getByRole("list", { name: "Recovery codes" }).getByRole("listitem")).toHaveCount(10);
    await page.getByRole("button", { name: "Continue" }).click();
    await expect(page.getByRole("heading", { name: `Welcome, ${partnerAdmin.fullName}` })).toBeVisible();
    await openMenuItem(page, "My account");
    const section = page.getByRole("region", { name: "Two-factor sign-in" });
    await expect(section.getByText("cannot be turned off", { exact: false })).toBeVisible();
    await expect(section.getByRole("button", { name: "Turn off two-factor sign-in" })).toHaveCount(0);
  });
});
