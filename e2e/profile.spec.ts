import { expect, request, test } from "@playwright/test";
import { type Account, ensureServiceSetUp, openMenuItem, operator, signIn } from "./support/accounts.js";
import { failOnBrowserErrors } from "./support/console-errors.js";
import { E2E_BASE_URL } from "./support/environment.js";
import { firstLink, waitForMail } from "./support/mailbox.js";

/**
 * My profile and the company directory, end to end. The company and its people are made
 * through the API (the Members spec clicks through that); a member then signs in, changes their
 * display name, room name and PINs, and finds a colleague in the directory.
 */

const company = { name: "Hooli", slug: "hooli" };
const admin: Account = {
  fullName: "Peter Gibbons",
  email: "peter@hooli.example",
  password: "peter's own passphrase",
};
const member: Account = {
  fullName: "Milton Waddams",
  email: "milton@hooli.example",
  password: "milton's own passphrase",
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
  return { context, post: (url: string, data: unknown) => send("POST", url, data) };
}

/** Accepts the emailed invitation through the API; answers the new account's signed-in client. */
async function acceptInvitation(account: Account) {
  const link = firstLink(await waitForMail(account.email, new RegExp(`You are invited to ${company.name}`)));
  const token = new URL(link).pathname.split("/").pop();
  const client = await apiClient();
  await client.post(`/api/v1/invitations/${token}/accept`, { password: account.password });
  return client;
}

let companyId = "";

test("a company with an admin and a member is set up", async ({ page }) => {
  await ensureServiceSetUp(page);
  const ops = await apiClient();
  await ops.post("/api/v1/auth/login", { login: operator.email, password: operator.password });
  const partner = await ops.post("/api/v1/partners", { name: "Hooli Partners" });
  const created = await ops.post(`/api/v1/partners/${partner.id}/companies`, {
    name: company.name,
    slug: company.slug,
    domainSetup: "service_subdomain",
    licences: 5,
    endpointSubscriptions: 1,
    timeZone: "Europe/Oslo",
    firstAdmin: { fullName: admin.fullName, email: admin.email, videoAddress: "peter.gibbons" },
  });
  companyId = String(created.id);
  const peter = await acceptInvitation(admin);
  await peter.post(`/api/v1/companies/${companyId}/invitations`, {
    fullName: member.fullName,
    email: member.email,
    videoAddress: "milton.waddams",
    role: "member",
  });
  await acceptInvitation(member);
});

test("a member changes their display name, room name and PINs", async ({ page }) => {
  await signIn(page, member);
  await openMenuItem(page, "My account");
  await expect(page.getByRole("heading", { name: "My profile", level: 1 })).toBeVisible();
  const main = page.getByRole("main");
  await expect(main.getByText("milton.waddams@hooli.video.example.com")).toBeVisible();
  await expect(main.getByText("milton.waddams.vmr@hooli.video.example.com")).toBeVisible();

  await page.getByLabel("Display name").fill("Milton R. Waddams");
  await page.getByRole("button", { name: "Save name" }).click();
  await expect(page.getByText("You now appear as Milton R. Waddams.")).toBeVisible();

  await page.getByLabel("Room name").fill("Milton's basement");
  // A PIN that breaks the rules is explained while typing, and nothing is sent.
  await page.getByLabel("Host PIN").fill("12a");
  await expect(page.getByText("Use 4–20 digits, optionally ending in #.")).toBeVisible();
  await page.getByLabel("Guest PIN").fill("5550");
  await page.getByLabel("Host PIN").fill("");
  await expect(page.getByText("A guest PIN needs a host PIN.")).toBeVisible();
  await page.getByLabel("Host PIN").fill("1111");
  await expect(page.getByText("All digits are the same, so the PIN is easy to guess.")).toBeVisible();
  await page.getByLabel("Host PIN").fill("8402#");
  await expect(page.getByText("Use 4–20 digits, optionally ending in #.")).toBeHidden();
  await page.getByRole("button", { name: "Save meeting room" }).click();
  await expect(page.getByText("Milton's basement was updated.")).toBeVisible();

  await page.reload();
  await expect(page.getByLabel("Display name")).toHaveValue("Milton R. Waddams");
  await expect(page.getByLabel("Room name")).toHaveValue("Milton's basement");
  await expect(page.getByLabel("Host PIN")).toHaveValue("8402#");
  await expect(page.getByLabel("Guest PIN")).toHaveValue("5550");
});

test("a member finds a colleague in the directory by typing part of the name", async ({ page }) => {
  await signIn(page, { ...member, fullName: "Milton R. Waddams" });
  await openMenuItem(page, "Directory");
  await expect(page.getByRole("heading", { name: "Directory", level: 1 })).toBeVisible();
  const table = page.getByRole("table");
  await expect(table.getByRole("rowheader", { name: "Milton R. Waddams" })).toBeVisible();
  await expect(table.getByRole("rowheader", { name: admin.fullName })).toBeVisible();

  await page.getByLabel("Search the directory").fill("gibb");
  await expect(table.getByRole("rowheader", { name: "Milton R. Waddams" })).toBeHidden();
  const colleague = table.getByRole("row", { name: new RegExp(admin.fullName) });
  await expect(colleague).toContainText("peter.gibbons@hooli.video.example.com");
  await expect(colleague).toContainText("peter.gibbons.vmr@hooli.video.example.com");
  await expect(page).toHaveURL(/[?&]q=gibb/);

  await page.getByLabel("Search the directory").fill("nobody here");
  await expect(page.getByText("No one matches")).toBeVisible();
  await page.getByRole("button", { name: "Clear search" }).click();
  await expect(table.getByRole("rowheader", { name: admin.fullName })).toBeVisible();
});

test("operators do not get the directory in their menu", async ({ page }) => {
  await signIn(page, operator);
  await page.getByRole("button", { name: "Account menu" }).click();
  await expect(page.getByRole("menuitem", { name: "Outbox" })).toBeVisible();
  await expect(page.getByRole("menuitem", { name: "Directory" })).toHaveCount(0);
});
