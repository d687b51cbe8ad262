import { expect, type Page, test } from "@playwright/test";
import { type Account, signIn } from "./support/accounts.js";
import { createCompanyWithAdmin, openMembers } from "./support/companies.js";
import { failOnBrowserErrors } from "./support/console-errors.js";
import { E2E_BASE_URL } from "./support/environment.js";

/**
 * SCIM provisioning, end to end: a company admin creates a SCIM token under Company settings
 * (shown once), an identity provider (here the test, through page.request) uses it to create a
 * member, who appears in the Members list; the admin revokes the token after confirming, and the
 * identity provider's next request is refused.
 */

const admin: Account = {
  fullName: "Bluth Admin",
  email: "admin@bluth.example",
  password: "bluth admin passphrase",
};
const company = {
  partnerName: "Bluth Partners",
  name: "Bluth Company",
  domain: "bluth.example",
  licences: 5,
  admin,
};

test.describe.configure({ mode: "serial" });

failOnBrowserErrors();

let secret = "";

async function openScimSettings(page: Page) {
  await page.goto("/company/settings");
  const section = page.getByRole("region", { name: "User provisioning (SCIM)" });
  await expect(section).toBeVisible();
  return section;
}

const scimUser = {
  schemas: ["urn:ietf:params:scim:schemas:core:2.0:User"],
  userName: "peter.gibbons@bluth.example",
  displayName: "Peter Gibbons",
  externalId: "entra-peter",
  active: true,
};

test("a company admin creates a SCIM token and an identity provider provisions a member with it", async ({
  page,
}) => {
  await createCompanyWithAdmin(page, company);
  const section = await openScimSettings(page);
  await expect(section.getByText("No SCIM tokens yet")).toBeVisible();
  await expect(section.getByLabel("SCIM base URL")).toHaveValue(`${E2E_BASE_URL}/scim/v2`);

  await section.getByRole("button", { name: "Create SCIM token" }).click();
  const dialog = page.getByRole("dialog", { name: "Create SCIM token" });
  await dialog.getByRole("button", { name: "Create token" }).click();
  await expect(dialog.getByText("Give the token a name.")).toBeVisible();
  await dialog.getByLabel("Name").fill("Entra ID");
  await dialog.getByRole("button", { name: "Create token" }).click();
  const shown = page.getByRole("dialog", { name: "Your new SCIM token" });
  secret = ((await shown.getByTestId("scim-token-secret").textContent()) ?? "").trim();
  expect(secret).toMatch(/^scim_/);
  await shown.getByRole("button", { name: "Done" }).click();

  const table = section.getByRole("table", { name: "SCIM tokens" });
  await expect(table.getByRole("cell", { name: "Entra ID", exact: true })).toBeVisible();
  await expect(table.getByRole("cell", { name: "Never" })).toBeVisible();
  await expect(table).not.toContainText(secret);

  const created = await page.request.post("/scim/v2/Users", {
    data: scimUser,
    headers: { authorization: `Bearer ${secret}`, "content-type": "application/scim+json" },
  });
  expect(created.status(), await created.text()).toBe(201);
  expect((await created.json()).userName).toBe("peter.gibbons@bluth.example");

  await openMembers(page);
  const row = page.getByRole("row", { name: /Peter Gibbons/ });
  await expect(row).toBeVisible();
  await expect(row).toContainText("peter.gibbons@bluth.example");

  // The token now shows when it was last used.
  const again = await openScimSettings(page);
  await expect(
    again.getByRole("table", { name: "SCIM tokens" }).getByRole("cell", { name: "Never" }),
  ).toHaveCount(0);
});

test("the admin revokes the token after confirming, and the identity provider is refused", async ({
  page,
}) => {
  await signIn(page, admin);
  const section = await openScimSettings(page);
  await section.getByRole("button", { name: "Revoke Entra ID" }).click();
  const confirm = page.getByRole("dialog", { name: "Revoke SCIM token?" });
  await confirm.getByRole("button", { name: "Cancel" }).click();
  await expect(section.getByRole("button", { name: "Revoke Entra ID" })).toBeVisible();

  await section.getByRole("button", { name: "Revoke Entra ID" }).click();
  await confirm.getByRole("button", { name: "Revoke token" }).click();
  await expect(confirm).toBeHidden();
  await expect(section.getByText(/^Revoked/)).toBeVisible();

  const refused = await page.request.get("/scim/v2/Users", {
    headers: { authorization: `Bearer ${secret}` },
  });
  expect(refused.status()).toBe(401);
  expect(refused.headers()["www-authenticate"]).toMatch(/^Bearer/);
});
