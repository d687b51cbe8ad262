import { expect, type Page, test } from "@playwright/test";
import {
  type Account,
  acceptInvitationLink,
  invitationLink,
  openMenuItem,
  signIn,
  signOut,
} from "./support/accounts.js";
import { createCompanyWithAdmin, openMembers } from "./support/companies.js";
import { failOnBrowserErrors } from "./support/console-errors.js";
import { mailCount } from "./support/mailbox.js";

/**
 * The Members tab of company administration, end to end. The operator sets up a company of its
 * own (so this file does not depend on the order of the other specs); its admin invites people,
 * one activates, invitations are resent and revoked, a member is deleted and host PINs set.
 */

const company = { name: "Globex", slug: "globex", domain: "globex.example" };
const admin: Account = {
  fullName: "Gia Admin",
  email: "gia@globex.example",
  password: "gia's own passphrase",
};
const bob: Account = { fullName: "Bob Baker", email: "bob@globex.example", password: "bob's own passphrase" };
const carol = { fullName: "Carol Carter", email: "carol@globex.example" };
const dave = { fullName: "Dave Davis", email: "dave@globex.example" };
const invitationSubject = new RegExp(`You are invited to ${company.name}`);

test.describe.configure({ mode: "serial" });

failOnBrowserErrors();

async function inviteOne(page: Page, person: { fullName: string; email: string }) {
  await page.getByRole("button", { name: "Invite people" }).click();
  await page.getByRole("menuitem", { name: "Invite one person" }).click();
  const dialog = page.getByRole("dialog", { name: "Invite one person" });
  await dialog.getByLabel("Full name").fill(person.fullName);
  await dialog.getByLabel("Email address").fill(person.email);
  await dialog.getByRole("button", { name: "Send invitation" }).click();
  await expect(page.getByText(`Invitation sent to ${person.email}.`)).toBeVisible();
  await expect(dialog).toBeHidden();
}

test("the operator creates a company whose admin activates her account", async ({ page }) => {
  await createCompanyWithAdmin(page, {
    partnerName: "Globex Partners",
    name: company.name,
    domain: company.domain,
    licences: 5,
    admin,
  });
});

test("the admin invites one person, who activates their account and signs in", async ({ page }) => {
  await signIn(page, admin);
  await openMembers(page);
  await expect(page.getByText("Licences: 1 of 5 used (4 left)")).toBeVisible();

  await page.getByRole("button", { name: "Invite people" }).click();
  await page.getByRole("menuitem", { name: "Invite one person" }).click();
  const dialog = page.getByRole("dialog", { name: "Invite one person" });
  await expect(dialog.getByText("4 licences remaining")).toBeVisible();
  // The address follows the email, and one in use is refused at the field as it is typed.
  await dialog.getByLabel("Full name").fill(bob.fullName);
  await dialog.getByLabel("Email address").fill("gia@elsewhere.example");
  const address = dialog.getByLabel("Video address");
  await expect(address).toHaveValue("gia");
  await expect(address).toHaveAttribute("aria-invalid", "true");
  await expect(dialog.getByText("This video address is already taken.")).toBeVisible();
  await dialog.getByLabel("Email address").fill(bob.email);
  await expect(address).toHaveValue("bob");
  await expect(dialog.getByText(/Available/)).toBeVisible();
  await dialog.getByRole("button", { name: "Send invitation" }).click();
  await expect(page.getByText(`Invitation sent to ${bob.email}.`)).toBeVisible();

  const row = page.getByRole("row", { name: new RegExp(bob.fullName) });
  await expect(row.getByText("Invited")).toBeVisible();
  await expect(row.getByText(`bob.vmr@${company.domain}`)).toBeVisible();
  await expect(page.getByText("Licences: 2 of 5 used (3 left)")).toBeVisible();
  await signOut(page);

  await acceptInvitationLink(page, await invitationLink(bob, company.name), bob, company.name);
  await signOut(page);
  await signIn(page, bob);
});

test("pending invites: one is resent (the old link stops working), another revoked", async ({ page }) => {
  await signIn(page, admin);
  await openMembers(page);
  await inviteOne(page, carol);
  await inviteOne(page, dave);
  const oldLink = await invitationLink(carol, company.name);
  const carolMails = mailCount(carol.email, invitationSubject);

  await page.getByRole("button", { name: "Invite people" }).click();
  await page.getByRole("menuitem", { name: "See pending invites" }).click();
  await expect(page.getByRole("heading", { name: "Pending invites", level: 1 })).toBeVisible();
  const pendingUrl = page.url();
  await expect(page.getByRole("row", { name: new RegExp(dave.fullName) })).toBeVisible();
  await expect(page.getByRole("row", { name: new RegExp(bob.fullName) })).toHaveCount(0);

  await page.getByLabel(`Select ${carol.fullName}`).check();
  await page.getByRole("button", { name: "Resend invitations" }).click();
  await expect(page.getByText("1 invitation resent.", { exact: false })).toBeVisible();
  await expect.poll(() => mailCount(carol.email, invitationSubject)).toBe(carolMails + 1);
  expect(await invitationLink(carol, company.name)).not.toBe(oldLink);
  await page.goto(oldLink);
  await expect(page.getByRole("heading", { name: "This invitation link no longer works" })).toBeVisible();

  await page.goto(pendingUrl);
  await page.getByLabel(`Select ${dave.fullName}`).check();
  await page.getByRole("button", { name: "Revoke invitation" }).click();
  const confirm = page.getByRole("dialog", { name: "Revoke 1 invitation?" });
  await expect(confirm.getByRole("list", { name: "Invitations to revoke" })).toContainText(dave.fullName);
  await expect(confirm).toContainText("licences are freed");
  await confirm.getByRole("button", { name: "Revoke 1 invitation" }).click();
  await expect(page.getByText("1 invitation revoked.", { exact: false })).toBeVisible();
  await expect(page.getByRole("row", { name: new RegExp(dave.fullName) })).toHaveCount(0);
  await expect(page.getByRole("row", { name: new RegExp(carol.fullName) })).toBeVisible();
});

test("deleting a member frees their licence; deleting yourself is refused", async ({ page }) => {
  await signIn(page, admin);
  await openMembers(page);
  await expect(page.getByText("Licences: 3 of 5 used (2 left)")).toBeVisible();

  await page.getByLabel(`Select ${admin.fullName}`).check();
  await page.getByRole("button", { name: "Delete (1)" }).click();
  const refuse = page.getByRole("dialog", { name: "Delete 1 member?" });
  await refuse.getByRole("button", { name: "Delete 1 member" }).click();
  await expect(refuse.getByText("You cannot delete yourself.")).toBeVisible();
  await refuse.getByRole("button", { name: "Cancel" }).click();
  await page.getByLabel(`Select ${admin.fullName}`).uncheck();

  await page.getByLabel(`Select ${bob.fullName}`).check();
  await page.getByRole("button", { name: "Delete (1)" }).click();
  const confirm = page.getByRole("dialog", { name: "Delete 1 member?" });
  await expect(confirm.getByRole("list", { name: "Members to delete" })).toContainText(bob.fullName);
  await expect(confirm).toContainText("personal VMRs");
  await confirm.getByRole("button", { name: "Delete 1 member" }).click();
  await expect(page.getByText("1 member deleted.", { exact: false })).toBeVisible();
  await expect(page.getByRole("row", { name: new RegExp(bob.fullName) })).toHaveCount(0);
  await expect(page.getByText("Licences: 2 of 5 used (3 left)")).toBeVisible();

  // Their personal VMR is gone with them: nobody can find or call it any more.
  await openMenuItem(page, "Directory");
  await page.getByLabel("Search the directory").fill("bob");
  await expect(page.getByText("No one matches")).toBeVisible();
});

test("host PINs are set on every personal VMR that has none", async ({ page }) => {
  await signIn(page, admin);
  await openMembers(page);
  for (const count of ["2 personal VMRs", "0 personal VMRs"]) {
    await page.getByRole("button", { name: "More actions" }).click();
    await page.getByRole("menuitem", { name: "Set host PIN on all personal VMRs" }).click();
    const dialog = page.getByRole("dialog", { name: "Set host PIN on all personal VMRs?" });
    await expect(dialog).toContainText("random 4-digit host PIN");
    await dialog.getByRole("button", { name: "Set host PINs" }).click();
    await expect(page.getByText(`Host PINs set on ${count}.`)).toBeVisible();
    await expect(dialog).toBeHidden();
  }
});

test("the user page edits a member's room and PINs, with hints for easy PINs", async ({ page }) => {
  await signIn(page, admin);
  await openMembers(page);
  await page.getByRole("link", { name: carol.fullName }).click();
  await expect(page.getByRole("heading", { name: carol.fullName, level: 1 })).toBeVisible();
  await expect(page.getByText("Invitation pending — resend it from")).toBeVisible();
  const hostPin = page.getByLabel("Host PIN");
  await expect(hostPin).toHaveValue(/^\d{4}$/);

  await page.getByLabel("Room name").fill("Carol's room");
  await hostPin.fill("1111");
  await expect(page.getByText("All digits are the same, so the PIN is easy to guess.")).toBeVisible();
  await page.getByLabel("Guest PIN").fill("1111#");
  await expect(page.getByText("The guest PIN must differ from the host PIN.")).toBeVisible();
  await page.getByLabel("Guest PIN").fill("5830");
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByText("Changes saved")).toBeVisible();

  await page.reload();
  await expect(page.getByLabel("Room name")).toHaveValue("Carol's room");
  await expect(page.getByLabel("Host PIN")).toHaveValue("1111");
  await expect(page.getByLabel("Guest PIN")).toHaveValue("5830");
});
