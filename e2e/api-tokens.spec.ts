import { expect, request, test } from "@playwright/test";
import {
  type Account,
  acceptInvitationLink,
  invitationLink,
  openMenuItem,
  signIn,
  signOut,
} from "./support/accounts.js";
import { createCompanyWithAdmin } from "./support/companies.js";
import { failOnBrowserErrors } from "./support/console-errors.js";
import { E2E_BASE_URL } from "./support/environment.js";

/**
 * API tokens, end to end: a company admin creates a read token on My profile, sees it once and
 * copies it, a script uses it (`Authorization: Bearer`, no cookies, no CSRF header), it is
 * refused a change, the admin revokes it after confirming, and the same request then gets 401.
 */

const admin: Account = {
  fullName: "Bill Lumbergh",
  email: "bill@initrode.example",
  password: "bill's own passphrase",
};
const member: Account = {
  fullName: "Samir Nagheenanajar",
  email: "samir@initrode.example",
  password: "samir's own passphrase",
};
const company = {
  partnerName: "Initrode Partners",
  name: "Initrode",
  domain: "initrode.example",
  licences: 3,
  admin,
};

test.describe.configure({ mode: "serial" });
test.use({ permissions: ["clipboard-read", "clipboard-write"] });

failOnBrowserErrors();

/** A script's HTTP client: its own (empty) cookie jar. */
async function script(token: string) {
  const context = await request.newContext({
    baseURL: E2E_BASE_URL,
    extraHTTPHeaders: { Authorization: `Bearer ${token}` },
  });
  return context;
}

test("a company admin creates a token, sees it once, uses it, and revokes it", async ({ page }) => {
  await createCompanyWithAdmin(page, company);
  await openMenuItem(page, "My account");
  const section = page.getByRole("region", { name: "API tokens" });
  await expect(section.getByText("No API tokens yet")).toBeVisible();

  await section.getByRole("button", { name: "Create token" }).first().click();
  const dialog = page.getByRole("dialog", { name: "Create API token" });
  // The name is required; nothing is sent without it.
  await dialog.getByRole("button", { name: "Create token" }).click();
  await expect(dialog.getByText("Give the token a name.")).toBeVisible();
  await dialog.getByLabel("Name").fill("Nightly member sync");
  await expect(dialog.getByLabel(/^Read/)).toBeChecked();
  await dialog.getByRole("combobox", { name: "Expires after" }).click();
  await page.getByRole("option", { name: "90 days" }).click();
  await dialog.getByRole("button", { name: "Create token" }).click();

  const shown = page.getByRole("dialog", { name: "Your new API token" });
  await expect(shown.getByText("Copy it now: it is shown only this once")).toBeVisible();
  const token = (await shown.getByTestId("api-token-secret").textContent())?.trim() ?? "";
  expect(token).toMatch(/^cfo_[A-Za-z0-9_-]{43}$/);
  await shown.getByRole("button", { name: "Copy token" }).click();
  await expect(shown.getByRole("button", { name: "Copied" })).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(token);
  await shown.getByRole("button", { name: "Done" }).click();
  await expect(shown).toBeHidden();

  // The list shows the token's prefix, never the token again.
  const row = section.getByRole("row", { name: /Nightly member sync/ });
  await expect(row).toContainText("Read only");
  await expect(row).toContainText(`${token.slice(0, 12)}…`);
  await expect(row).toContainText("Never");
  await expect(row).toContainText("Active");
  await expect(page.getByText(token)).toHaveCount(0);

  // A script uses it: reads work without cookies or CSRF, changes are refused for a read token.
  const client = await script(token);
  const me = await client.get("/api/v1/me");
  expect(me.status(), await me.text()).toBe(200);
  expect(await me.json()).toMatchObject({ email: admin.email, role: "admin" });
  const change = await client.patch("/api/v1/me/profile", { data: { fullName: "Script Kiddie" } });
  expect(change.status()).toBe(403);
  expect((await change.json()).error.code).toBe("INSUFFICIENT_SCOPE");
  // The browser's own request context (with the session cookie) also answers as the token.
  const viaPage = await page.request.get("/api/v1/me", { headers: { Authorization: `Bearer ${token}` } });
  expect(viaPage.status()).toBe(200);

  await page.reload();
  await expect(row).toContainText("Active");
  await expect(row).not.toContainText("Never");
  await expect(row).toContainText("from 127.0.0.1");

  // Revoking asks first; Cancel keeps it.
  await row.getByRole("button", { name: "Revoke Nightly member sync" }).click();
  const confirm = page.getByRole("dialog", { name: "Revoke this API token?" });
  await expect(confirm).toContainText("stops working at once");
  await confirm.getByRole("button", { name: "Cancel" }).click();
  await expect(confirm).toBeHidden();
  expect((await client.get("/api/v1/me")).status()).toBe(200);

  await row.getByRole("button", { name: "Revoke Nightly member sync" }).click();
  await confirm.getByRole("button", { name: "Revoke token" }).click();
  await expect(page.getByText("Nightly member sync no longer works.")).toBeVisible();
  await expect(row).toContainText("Revoked");
  await expect(row.getByRole("button", { name: /Revoke/ })).toHaveCount(0);

  const after = await client.get("/api/v1/me");
  expect(after.status()).toBe(401);
  expect(after.headers()["www-authenticate"]).toBe('Bearer realm="confero", error="invalid_token"');
  const afterViaPage = await page.request.get("/api/v1/me", {
    headers: { Authorization: `Bearer ${token}` },
  });
  expect(afterViaPage.status()).toBe(401);
  await client.dispose();
});

test("members have no API tokens section", async ({ page }) => {
  await signIn(page, admin);
  // The admin invites a member through the API with their session (the Members spec clicks it).
  const me = (await (await page.request.get("/api/v1/me")).json()) as { company: { id: string } };
  const csrf = (await page.context().cookies()).find((cookie) => cookie.name === "csrf_token")?.value ?? "";
  const invited = await page.request.post(`/api/v1/companies/${me.company.id}/invitations`, {
    data: { fullName: member.fullName, email: member.email, videoAddress: "samir", role: "member" },
    headers: { "X-CSRF-Token": csrf },
  });
  expect(invited.status(), await invited.text()).toBe(201);
  await signOut(page);
  await acceptInvitationLink(page, await invitationLink(member, company.name), member, company.name);

  await openMenuItem(page, "My account");
  await expect(page.getByRole("heading", { name: "My profile", level: 1 })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Change password" })).toBeVisible();
  await expect(page.getByRole("region", { name: "API tokens" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Create token" })).toHaveCount(0);
});
