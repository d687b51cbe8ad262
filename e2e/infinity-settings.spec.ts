import { expect, type Page, test } from "@playwright/test";
import { ensureServiceSetUp, openMenuItem, operator, signIn } from "./support/accounts.js";
import { failOnBrowserErrors } from "./support/console-errors.js";
import { E2E_BASE_URL } from "./support/environment.js";

/**
 * Service operations › Pexip Infinity: the operator saves the credentials Infinity will send,
 * reads the summary for the Infinity administrator, and opens this instance's policy requests.
 * It removes the credentials again at the end, so the specs after it find the policy API as
 * they expect it (open).
 */

const policy = { username: "infinity-policy", password: "e2e-policy-pass-0123" };
const eventSink = { username: "infinity-events", password: "e2e-event-sink-pass-4567" };
const basic = (c: { username: string; password: string }) =>
  `Basic ${Buffer.from(`${c.username}:${c.password}`).toString("base64")}`;

test.describe.configure({ mode: "serial" });

failOnBrowserErrors();

async function openInfinity(page: Page) {
  await openMenuItem(page, "Service operations");
  await page
    .getByRole("navigation", { name: "Service operations" })
    .getByRole("link", { name: "Pexip Infinity" })
    .click();
  await expect(page.getByRole("heading", { name: "Pexip Infinity", level: 1 })).toBeVisible();
}

test("the operator saves the policy and event sink credentials and the reject setting", async ({ page }) => {
  await ensureServiceSetUp(page);
  await signIn(page, operator);
  await openInfinity(page);

  const policyFields = page.getByRole("group", { name: "Policy API" });
  const sinkFields = page.getByRole("group", { name: "Event sink" });
  await policyFields.getByLabel("Username").fill(policy.username);
  await policyFields.getByLabel("Password", { exact: true }).fill(policy.password);
  await sinkFields.getByLabel("Username").fill(eventSink.username);
  // The same password for both is refused before anything is sent.
  await sinkFields.getByLabel("Password", { exact: true }).fill(policy.password);
  await page.getByRole("button", { name: "Save" }).click();
  await expect(
    sinkFields.getByText("Use a different password from the policy API's.", { exact: true }),
  ).toBeVisible();
  await expect(sinkFields.getByLabel("Password", { exact: true })).toBeFocused();

  await sinkFields.getByLabel("Password", { exact: true }).fill(eventSink.password);
  await page.getByLabel("Refuse unknown addresses in our domains").check();
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByText("Pexip Infinity settings saved")).toBeVisible();
  // Saved passwords are never shown again: the fields now offer to replace them.
  await expect(policyFields.getByLabel("New password")).toHaveValue("");
  await expect(policyFields.getByText("A password is saved. Leave this empty to keep it.")).toBeVisible();

  const summary = page.getByLabel("Summary for the Infinity administrator");
  await expect(summary).toContainText(`External policy server URI: ${E2E_BASE_URL}/policy/v1`);
  await expect(summary).toContainText(`Username: ${policy.username}`);
  await expect(summary).toContainText(`URL: ${E2E_BASE_URL}/events/v1/pexip`);
  await expect(summary).toContainText(`Username: ${eventSink.username}`);
  await expect(summary).toContainText("registration alias");
  await expect(summary).not.toContainText(policy.password);
  await expect(page.getByRole("button", { name: "Copy summary" })).toBeVisible();

  await page.reload();
  await expect(page.getByLabel("Refuse unknown addresses in our domains")).toBeChecked();
  await expect(page.getByRole("group", { name: "Policy API" }).getByLabel("Username")).toHaveValue(
    policy.username,
  );
});

test("the operator finds a policy request Infinity made and reads Confero's answer", async ({
  page,
  request,
}) => {
  // A registration request as Infinity sends it, with the policy credentials saved above …
  const asked = await request.get(
    "/policy/v1/registrations/x@y.z?pseudo_version_id=36402.0.0&protocol=sip&location=london&node_ip=10.44.155.21",
    { headers: { authorization: basic(policy) } },
  );
  expect(asked.status()).toBeLessThan(500);
  expect(asked.status()).not.toBe(401);
  // … and one without them, which is refused.
  expect((await request.get("/policy/v1/registrations/intruder@y.z?protocol=sip")).status()).toBe(401);

  await signIn(page, operator);
  await openInfinity(page);
  await page
    .getByRole("navigation", { name: "Pexip Infinity" })
    .getByRole("link", { name: "Policy requests" })
    .click();
  await expect(page.getByRole("heading", { name: "Policy requests", level: 1 })).toBeVisible();
  await expect(page.getByText(/This instance only/)).toBeVisible();
  const table = page.getByRole("table", { name: /Policy requests this instance answered/ });
  // Newest first: the refused request, then the one with credentials.
  const rows = table.getByRole("row");
  await expect(rows.nth(1)).toContainText("/registrations/intruder@y.z");
  await expect(rows.nth(1)).toContainText("401");
  await expect(rows.nth(2)).toContainText("/registrations/x@y.z");
  await expect(rows.nth(2)).toContainText(String(asked.status()));

  await page.getByLabel("Search requests").fill("10.44.155.21");
  await expect(table.getByRole("row")).toHaveCount(2);
  await table.getByRole("button", { name: /details of \/registrations\/x@y\.z/ }).click();
  const details = page.getByRole("dialog", { name: "GET /policy/v1/registrations/x@y.z" });
  await expect(details.getByRole("table", { name: /query parameters/ })).toContainText("node_ip");
  await expect(details.getByRole("table", { name: /query parameters/ })).toContainText("london");
  await expect(details.getByLabel("Answer JSON")).toContainText('"status"');
  await details.getByRole("button", { name: "Close" }).click();

  await page.getByLabel("Search requests").fill("no request looks like this");
  await expect(page.getByText("No policy requests match “no request looks like this”")).toBeVisible();
  await page.getByRole("button", { name: "Clear the search" }).click();
  await expect(table.getByRole("row")).toHaveCount(3);
});

test("the operator sees a rejected event and why, under Event sink", async ({ page, request }) => {
  // A node sends an event with an absurd time (1970), with the event-sink credentials saved above.
  const sent = await request.post("/events/v1/pexip", {
    headers: { authorization: basic(eventSink) },
    data: { node: "10.9.9.9", seq: 1, version: 2, time: 12, event: "participant_connected", data: {} },
  });
  expect(sent.status()).toBe(200);
  expect((await sent.json()).rejected).toBe(1);

  await signIn(page, operator);
  await openInfinity(page);
  await page
    .getByRole("navigation", { name: "Pexip Infinity" })
    .getByRole("link", { name: "Event sink" })
    .click();
  await expect(page.getByRole("heading", { name: "Event sink", level: 1 })).toBeVisible();
  const rejected = page.getByRole("listitem", { name: "Rejected" });
  await expect(rejected).not.toContainText(/^Rejected0/);
  const table = page.getByRole("table", { name: /latest rejected events/ });
  const row = table.getByRole("row").filter({ hasText: "10.9.9.9" }).first();
  await expect(row).toContainText("participant_connected");
  await expect(row).toContainText("time must be Unix seconds");
});

test("the operator removes the credentials and the reject setting again", async ({ page }) => {
  await signIn(page, operator);
  await openInfinity(page);
  for (const [legend, title] of [
    ["Policy API", "Remove the policy API credentials?"],
    ["Event sink", "Remove the event sink credentials?"],
  ] as const) {
    await page
      .getByRole("group", { name: legend })
      .getByRole("button", { name: "Remove credentials" })
      .click();
    const dialog = page.getByRole("dialog", { name: title });
    await dialog.getByRole("button", { name: "Remove credentials" }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByRole("group", { name: legend }).getByLabel("Username")).toHaveValue("");
  }
  await page.getByLabel("Refuse unknown addresses in our domains").uncheck();
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByText("Pexip Infinity settings saved").first()).toBeVisible();
  await expect(page.getByLabel("Summary for the Infinity administrator")).toContainText(
    "Username and password: none",
  );
});
