import { expect, type Page, test } from "@playwright/test";
import { type Account, openMenuItem, signIn, signOut } from "./support/accounts.js";
import { createCompanyWithAdmin } from "./support/companies.js";
import { failOnBrowserErrors } from "./support/console-errors.js";
import { firstLink, waitForMail } from "./support/mailbox.js";

/**
 * Team rooms, end to end: an admin adds a room (using the last licence), makes a member its
 * owner; the member changes its PIN under My rooms; the admin sees the change, deletes the room
 * and gets the licence back.
 */

const admin: Account = {
  fullName: "Bill Lumbergh",
  email: "bill@dundermifflin.example",
  password: "bill's own passphrase",
};
const member: Account = {
  fullName: "Milton Waddams",
  email: "milton@dundermifflin.example",
  password: "milton's own passphrase",
};
const company = {
  partnerName: "Dunder Mifflin Partners",
  name: "Dunder Mifflin",
  domain: "dundermifflin.example",
  // The admin, the member and one team room.
  licences: 3,
  admin,
};

test.describe.configure({ mode: "serial" });

failOnBrowserErrors();

/** The browser's own session (cookies and CSRF header) for a quick API call. */
async function apiPost(page: Page, url: string, data: unknown) {
  const csrf = (await page.context().cookies()).find((c) => c.name === "csrf_token")?.value ?? "";
  const response = await page.request.post(url, { data: data as object, headers: { "X-CSRF-Token": csrf } });
  expect(response.ok(), `POST ${url}: ${await response.text()}`).toBe(true);
  return (await response.json()) as Record<string, unknown>;
}

async function openTeamRooms(page: Page) {
  await openMenuItem(page, "Company administration");
  await page
    .getByRole("navigation", { name: "Company administration" })
    .getByRole("link", { name: "Team rooms" })
    .click();
  await expect(page.getByRole("heading", { name: "Team rooms", level: 1 })).toBeVisible();
}

test("a company with an admin and a member is set up", async ({ page }) => {
  await createCompanyWithAdmin(page, company);
  const me = (await (await page.request.get("/api/v1/me")).json()) as { company: { id: string } };
  await apiPost(page, `/api/v1/companies/${me.company.id}/invitations`, {
    fullName: member.fullName,
    email: member.email,
    videoAddress: "milton",
    role: "member",
  });
  await signOut(page);
  const link = firstLink(await waitForMail(member.email, /You are invited to Dunder Mifflin/));
  await page.goto(link);
  await page.getByLabel("Password", { exact: true }).fill(member.password);
  await page.getByLabel("Confirm password").fill(member.password);
  await page.getByRole("button", { name: "Activate account" }).click();
  await expect(page.getByRole("heading", { name: `Welcome, ${member.fullName}` })).toBeVisible();
  // Nothing under My rooms yet.
  await openMenuItem(page, "My rooms");
  await expect(page.getByRole("heading", { name: "My rooms", level: 1 })).toBeVisible();
  await expect(page.getByText("You control no team rooms")).toBeVisible();
});

test("an admin adds a team room with the last licence and chooses its owner", async ({ page }) => {
  await signIn(page, admin);
  await openTeamRooms(page);
  await expect(page.getByText("No team rooms yet")).toBeVisible();
  await expect(page.getByText("Licences: 2 of 3 used (1 left)")).toBeVisible();

  await page.getByRole("button", { name: "Add team room" }).first().click();
  const dialog = page.getByRole("dialog", { name: "Add team room" });
  await expect(dialog.getByText("1 licence remaining")).toBeVisible();
  await dialog.getByLabel("Room name").fill("Jupiter");
  await dialog.getByLabel("Video address").fill("Jupiter");
  await expect(dialog.getByText("Full address: jupiter@dundermifflin.example")).toBeVisible();
  await dialog.getByLabel("Host PIN").fill("4821");
  await dialog.getByRole("button", { name: "Add team room" }).click();
  await expect(dialog).toBeHidden();
  const row = page.getByRole("row", { name: /Jupiter/ });
  await expect(row).toContainText("jupiter@dundermifflin.example");
  await expect(row).toContainText("Only administrators");
  await expect(page.getByText("Licences: 3 of 3 used (0 left)")).toBeVisible();

  // No licence left: the dialog says so and refuses.
  await page.getByRole("button", { name: "Add team room" }).first().click();
  await expect(dialog.getByText("No licences left")).toBeVisible();
  await expect(dialog.getByRole("button", { name: "Add team room" })).toBeDisabled();
  await dialog.getByRole("button", { name: "Cancel" }).click();

  await row.getByRole("link", { name: "Jupiter" }).click();
  await expect(page.getByRole("heading", { name: "Jupiter", level: 1 })).toBeVisible();
  await page.getByLabel("Chosen members").check();
  await page.getByLabel("Find a member to add").fill("milton");
  await page.getByRole("button", { name: "Add Milton Waddams" }).click();
  await expect(page.getByRole("list", { name: "Chosen members" })).toContainText("Milton Waddams");
  await page.getByRole("button", { name: "Save owners" }).click();
  await expect(page.getByText("Jupiter: owners updated.")).toBeVisible();
  await signOut(page);
});

test("the owner changes the room's PIN from My rooms", async ({ page }) => {
  await signIn(page, member);
  await openMenuItem(page, "My rooms");
  const room = page.getByRole("form", { name: "Settings of Jupiter" });
  await expect(room.getByText("jupiter@dundermifflin.example")).toBeVisible();
  await expect(room.getByLabel("Host PIN")).toHaveValue("4821");
  await room.getByLabel("Host PIN").fill("7391");
  await room.getByRole("button", { name: "Save Jupiter" }).click();
  await expect(page.getByText("Jupiter was updated.")).toBeVisible();
  await signOut(page);
});

test("the admin sees the new PIN, deletes the room and gets the licence back", async ({ page }) => {
  await signIn(page, admin);
  await openTeamRooms(page);
  await page
    .getByRole("row", { name: /Jupiter/ })
    .getByRole("link", { name: "Jupiter" })
    .click();
  await expect(page.getByLabel("Host PIN")).toHaveValue("7391");
  await page.getByRole("link", { name: "Team rooms" }).first().click();

  await page.getByRole("checkbox", { name: "Select Jupiter" }).check();
  await page.getByRole("button", { name: "Delete (1)" }).click();
  const confirm = page.getByRole("dialog", { name: "Delete 1 team room?" });
  await expect(confirm.getByRole("list", { name: "Team rooms to delete" })).toContainText("Jupiter");
  await confirm.getByRole("button", { name: "Delete 1 team room" }).click();
  await expect(confirm).toBeHidden();
  await expect(page.getByText("No team rooms yet")).toBeVisible();
  await expect(page.getByText("Licences: 2 of 3 used (1 left)")).toBeVisible();
});
