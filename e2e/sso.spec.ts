import { expect, type Page, test } from "@playwright/test";
import { completeSetup } from "../test/helpers/fixtures.js";
import { startOidcProvider, type TestIdentityProvider } from "../test/helpers/oidc-provider.js";
import { createCompany, createPartner, INVITEE_PASSWORD, invitationToken } from "../test/helpers/tenants.js";
import type { TestApp } from "../test/helpers/test-app.js";
import { TestClient } from "../test/helpers/test-client.js";
import { type Account, signIn, signOut } from "./support/accounts.js";
import { failOnBrowserErrors } from "./support/console-errors.js";
import { E2E_PORT } from "./support/environment.js";
import { startOwnConfero } from "./support/own-confero.js";

/**
 * Single sign-on with OpenID Connect, end to end, against a real identity provider
 * (`oidc-provider` on loopback, test/helpers/oidc-provider.ts). The spec runs a Confero of its
 * own in this process so it knows the public URL the provider must redirect to. The company's
 * admin sets the provider up on the Settings page (discovery tested, redirect URI shown); an
 * invited member then types their email, continues with single sign-on, signs in at the
 * provider's login form and lands in Confero signed in. Someone the company does not know is
 * sent back with a clear message; required SSO hides the password field, and an invitation
 * accepted then goes through the provider instead of a password.
 */

const PORT = E2E_PORT + 31;
const BASE_URL = `http://127.0.0.1:${PORT}`;
const REDIRECT_URI = `${BASE_URL}/api/v1/auth/sso/callback`;

const admin: Account = {
  fullName: "Admin of sso-co",
  email: "admin@sso-co.example",
  password: INVITEE_PASSWORD,
};
const member = { fullName: "Mia Member", email: "mia@sso-co.example" };
/** Invited while SSO is required: accepts the invitation through the provider. */
const newcomer = { fullName: "Ivo Newcomer", email: "ivo@sso-co.example" };

let close: (() => Promise<void>) | undefined;
let idp: TestIdentityProvider;
let app: TestApp;

test.use({ baseURL: BASE_URL });
test.describe.configure({ mode: "serial" });

failOnBrowserErrors();

test.beforeAll(async () => {
  test.setTimeout(90_000);
  const own = await startOwnConfero(PORT, "sso-e2e-secret-sso-e2e-secret-sso-0123");
  idp = await startOidcProvider({ redirectUri: REDIRECT_URI });
  close = async () => {
    await idp.close();
    await own.close();
  };
  const t: TestApp = { ...own, db: own.database.db, client: () => new TestClient(own.app) };
  app = t;
  const operatorClient = await completeSetup(t);
  const partner = await createPartner(t, operatorClient, "Sso Partners");
  const company = await createCompany(t, partner.admin, partner.id, "sso-co");
  for (const [person, videoAddress] of [
    [member, "mia.member"],
    [newcomer, "ivo.newcomer"],
  ] as const) {
    const invited = await company.admin.post(`/api/v1/companies/${company.id}/invitations`, {
      fullName: person.fullName,
      email: person.email,
      videoAddress,
      role: "member",
    });
    if (invited.statusCode !== 201) throw new Error(`invite: ${invited.statusCode} ${invited.body}`);
  }
});

test.afterAll(async () => {
  await close?.();
});

async function openSsoSettings(page: Page) {
  await page.goto("/company/settings");
  const section = page.getByRole("region", { name: "Single sign-on" });
  await expect(section).toBeVisible();
  return section;
}

/** The provider's development login form: the login is prefilled from Confero's login_hint. */
async function signInAtProvider(page: Page, login: string) {
  await expect(page).toHaveURL(new RegExp(`^${idp.issuer}/interaction/`));
  await expect(page.locator('input[name="login"]')).toHaveValue(login);
  await page.locator('input[name="password"]').fill("anything");
  await page.getByRole("button", { name: "Sign-in" }).click();
}

/** While SSO is required the admin, the break-glass admin, still signs in with a password. */
async function signInAsBreakGlassAdmin(page: Page) {
  await page.goto("/sign-in");
  await page.getByLabel("Email or video address").fill(admin.email);
  await page.getByRole("button", { name: /break-glass administrator/ }).click();
  await page.getByLabel("Password", { exact: true }).fill(admin.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { name: `Welcome, ${admin.fullName}` })).toBeVisible();
}

test("a company admin sets up single sign-on against the identity provider", async ({ page }) => {
  await signIn(page, admin);
  const section = await openSsoSettings(page);
  await expect(section.getByText("Single sign-on is not set up")).toBeVisible();
  await expect(section.getByLabel("Redirect URI")).toHaveValue(REDIRECT_URI);

  await section.getByLabel("Issuer URL").fill("http://sso.example.com");
  await section.getByRole("button", { name: "Test discovery" }).click();
  await expect(section.getByText("The issuer must be an https:// URL")).toBeVisible();

  await section.getByLabel("Issuer URL").fill(idp.issuer);
  await section.getByRole("button", { name: "Test discovery" }).click();
  const found = section.getByRole("status").filter({ hasText: "Identity provider found" });
  await expect(found).toContainText(`${idp.issuer}/auth`);

  await section.getByLabel("Client ID").fill(idp.clientId);
  await section.getByLabel("Client secret").fill(idp.clientSecret);
  await section.getByRole("textbox", { name: "Email domains" }).fill("SSO-co.example");
  await section.getByRole("button", { name: "Set up single sign-on" }).click();
  await expect(page.getByText("Your identity provider was found and the settings were saved.")).toBeVisible();
  await expect(section.getByRole("textbox", { name: "Email domains" })).toHaveValue("sso-co.example");
  await expect(section.getByText("A secret is saved (it is never shown).")).toBeVisible();
  await signOut(page);
});

test("a member signs in through the identity provider: email, continue, provider login, signed in", async ({
  page,
}) => {
  await page.goto("/sign-in");
  await page.getByLabel("Email or video address").fill(member.email);
  const continueButton = page.getByRole("link", { name: "Continue with single sign-on" });
  await expect(continueButton).toBeVisible();
  // Not required: the password form stays.
  await expect(page.getByLabel("Password", { exact: true })).toBeVisible();
  await continueButton.click();

  await signInAtProvider(page, member.email);
  await expect(page).toHaveURL(`${BASE_URL}/`);
  await expect(page.getByRole("heading", { name: `Welcome, ${member.fullName}` })).toBeVisible();
  await signOut(page);
});

test("someone the company does not know comes back to the sign-in page with the reason", async ({ page }) => {
  await page.goto("/sign-in");
  await page.getByLabel("Email or video address").fill("stranger@sso-co.example");
  await page.getByRole("link", { name: "Continue with single sign-on" }).click();
  await signInAtProvider(page, "stranger@sso-co.example");
  await expect(page).toHaveURL(/\/sign-in\?sso_error=not_a_member/);
  await expect(page.getByRole("alert").filter({ hasText: "Single sign-on did not work" })).toContainText(
    "not a member of the company",
  );
});

test("required single sign-on hides the password; the break-glass admin keeps theirs", async ({ page }) => {
  await signIn(page, admin);
  const section = await openSsoSettings(page);
  await section.getByRole("switch", { name: "Require single sign-on for members" }).check();
  await section.getByRole("button", { name: "Save" }).click();
  await expect(section.getByText("Choose who keeps their password")).toBeVisible();
  await section.getByRole("combobox", { name: "Break-glass admin" }).click();
  await page.getByRole("option", { name: `${admin.fullName} (${admin.email})` }).click();
  await section.getByRole("button", { name: "Save" }).click();
  await expect(page.getByText("Your identity provider was found and the settings were saved.")).toBeVisible();
  await signOut(page);

  await page.getByLabel("Email or video address").fill(member.email);
  await expect(page.getByText("Your company uses single sign-on")).toBeVisible();
  await expect(page.getByLabel("Password", { exact: true })).toHaveCount(0);
  // The break-glass admin can still get to the password field.
  await page.getByRole("button", { name: /break-glass administrator/ }).click();
  await expect(page.getByLabel("Password", { exact: true })).toBeVisible();

  // The admin is the break-glass admin: their password still works.
  await signInAsBreakGlassAdmin(page);
  await signOut(page);
});

test("an invitation accepted while single sign-on is required goes through the provider, no password", async ({
  page,
}) => {
  await page.goto(`/invitations/${await invitationToken(app, newcomer.email)}`);
  await expect(page.getByText("Your company uses single sign-on")).toBeVisible();
  await expect(page.getByLabel("Password", { exact: true })).toHaveCount(0);
  await page.getByRole("link", { name: "Continue with single sign-on" }).click();
  await signInAtProvider(page, newcomer.email);
  await expect(page).toHaveURL(`${BASE_URL}/`);
  await expect(page.getByRole("heading", { name: `Welcome, ${newcomer.fullName}` })).toBeVisible();
  await signOut(page);
});

test("the admin removes single sign-on again", async ({ page }) => {
  await signInAsBreakGlassAdmin(page);
  const section = await openSsoSettings(page);
  await section.getByRole("button", { name: "Remove single sign-on" }).click();
  const dialog = page.getByRole("dialog", { name: "Remove single sign-on?" });
  await dialog.getByRole("button", { name: "Remove single sign-on" }).click();
  await expect(page.getByText("Members sign in with their passwords again.")).toBeVisible();
  await expect(section.getByText("Single sign-on is not set up")).toBeVisible();
});
