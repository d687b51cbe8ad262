import { expect, type Page, test } from "@playwright/test";
import jsQRModule from "jsqr";
import { type Account, operator, signIn, signOut } from "./support/accounts.js";
import { createCompanyWithAdmin } from "./support/companies.js";
import { failOnBrowserErrors } from "./support/console-errors.js";

/**
 * Activation, QR code and MeetingConnect, end to end: the partner side (here the operator)
 * creates a video system through the API; the company's admin gets an activation code and the
 * "endpoint" redeems it (the page then says Activated); the print page's QR code decodes to the
 * connect URL, and a new one replaces it; on a phone, the connect page names the system, sends
 * a signed-out visitor to sign in and back, and shows the address to dial (no Infinity API here).
 */

const admin: Account = {
  fullName: "Samir Nagheenanajar",
  email: "samir@chotchkies.example",
  password: "samir's own passphrase",
};
const company = {
  partnerName: "Chotchkies Partners",
  name: "Chotchkies",
  domain: "chotchkies.example",
  licences: 2,
  admin,
};

test.describe.configure({ mode: "serial" });

failOnBrowserErrors();

let companyId = "";
let systemId = "";
let connectUrl = "";

async function api(page: Page, method: "POST" | "PATCH", url: string, data?: unknown) {
  const csrf = (await page.context().cookies()).find((c) => c.name === "csrf_token")?.value ?? "";
  const response = await page.request.fetch(url, {
    method,
    ...(data === undefined ? {} : { data: data as object }),
    headers: { "X-CSRF-Token": csrf },
  });
  expect(response.ok(), `${method} ${url}: ${await response.text()}`).toBe(true);
  return (await response.json()) as Record<string, unknown>;
}

/** Reads the QR code the page shows: the <img> drawn on a canvas, its pixels decoded by jsQR. */
type Decode = (data: Uint8ClampedArray, width: number, height: number) => { data: string } | null;
/** jsqr is CommonJS typed as an ES module: its function is the import itself or its `.default`. */
const loaded = jsQRModule as unknown as Decode | { default: Decode };
const jsQR: Decode = typeof loaded === "function" ? loaded : loaded.default;

async function decodeQrOnPage(page: Page): Promise<string | null> {
  const image = page.getByRole("img", { name: /MeetingConnect QR code for/ });
  await expect(image).toBeVisible();
  await expect
    .poll(() => image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0))
    .toBe(true);
  const pixels = await image.evaluate((img: HTMLImageElement) => {
    // 400 px is plenty for jsQR and keeps the pixels handed to Node small.
    const side = Math.min(400, img.naturalWidth);
    const canvas = document.createElement("canvas");
    canvas.width = side;
    canvas.height = side;
    const context = canvas.getContext("2d");
    if (!context) throw new Error("no canvas");
    context.imageSmoothingEnabled = false;
    context.drawImage(img, 0, 0, side, side);
    const data = context.getImageData(0, 0, canvas.width, canvas.height);
    return { width: data.width, height: data.height, data: Array.from(data.data) };
  });
  return jsQR(Uint8ClampedArray.from(pixels.data), pixels.width, pixels.height)?.data ?? null;
}

const systemPage = (path: string) => `/companies/${companyId}/admin/video-systems/${systemId}/${path}`;

test("the partner side creates a video system for the company", async ({ page }) => {
  await createCompanyWithAdmin(page, company);
  const me = (await (await page.request.get("/api/v1/me")).json()) as { company: { id: string } };
  companyId = me.company.id;
  const details = (await (await page.request.get(`/api/v1/companies/${companyId}`)).json()) as {
    partner: { id: string };
  };
  await signOut(page);
  await signIn(page, operator);
  await api(page, "PATCH", `/api/v1/partners/${details.partner.id}/companies/${companyId}`, {
    endpointSubscriptions: 1,
  });
  const created = await api(page, "POST", `/api/v1/companies/${companyId}/video-systems`, {
    name: "Conference Room B",
    videoAddress: "room-b",
  });
  systemId = created.id as string;
  await signOut(page);
});

test("an admin gets an activation code, the endpoint redeems it, and the page says Activated", async ({
  page,
}) => {
  await signIn(page, admin);
  await page.goto(systemPage("activation"));
  await expect(page.getByRole("heading", { name: "Activate Conference Room B", level: 1 })).toBeVisible();
  await expect(page.getByTestId("activation-status")).toHaveText("Not activated");
  await expect(page.getByRole("heading", { name: "Step by step", level: 2 })).toBeVisible();

  await page.getByRole("button", { name: "Get activation code" }).click();
  const code = (await page.getByTestId("activation-code").textContent()) ?? "";
  expect(code).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/);
  await expect(page.getByText(/Valid until/)).toBeVisible();

  // As the endpoint would: no session cookie needed, no CSRF header.
  const redeemed = await page.request.post("/api/v1/endpoint-activations", { data: { code } });
  expect(redeemed.status()).toBe(200);
  expect(await redeemed.json()).toMatchObject({
    sipUsername: "room-b@chotchkies.example",
    registrar: "video.example.com",
    displayName: "Conference Room B",
  });
  const again = await page.request.post("/api/v1/endpoint-activations", { data: { code } });
  expect(again.status()).toBe(400);

  await page.reload();
  await expect(page.getByTestId("activation-status")).toHaveText("Activated");
  // The used code is not waiting any more; a second new code asks first, as the waiting one would stop working.
  await page.getByRole("button", { name: "Get activation code" }).click();
  const second = page.getByTestId("activation-code");
  await expect(second).not.toHaveText(code);
  const secondCode = (await second.textContent()) ?? "";
  await page.getByRole("button", { name: "Get a new activation code" }).click();
  const dialog = page.getByRole("dialog", { name: "Get a new activation code?" });
  await expect(dialog).toContainText("The code issued earlier for Conference Room B stops working.");
  await dialog.getByRole("button", { name: "Get a new code" }).click();
  await expect(page.getByTestId("activation-code")).not.toHaveText(secondCode);
  const replaced = await page.request.post("/api/v1/endpoint-activations", { data: { code: secondCode } });
  expect(replaced.status()).toBe(400);
});

test("the print page shows a QR code that decodes to the connect URL; a new one replaces it", async ({
  page,
}) => {
  // Decoding images in the page is slow on a busy machine.
  test.setTimeout(60_000);
  await signIn(page, admin);
  await page.goto(systemPage("qr"));
  await expect(page.getByRole("heading", { name: "QR code: Conference Room B", level: 1 })).toBeVisible();
  connectUrl = (await decodeQrOnPage(page)) ?? "";
  expect(connectUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/connect\/[\w-]{40,}$/);
  await expect(page.getByTestId("connect-url")).toHaveText(connectUrl);
  await expect(page.getByRole("link", { name: "Download PNG" })).toHaveAttribute("href", /qr\.png/);
  await expect(page.getByRole("link", { name: "Download SVG" })).toHaveAttribute("href", /qr\.svg/);

  // Mantine's segmented control hides its radios behind their labels: click the label.
  await page.getByText("Label (62 × 100 mm)").click();
  await expect(page.getByRole("radio", { name: "Label (62 × 100 mm)" })).toBeChecked();
  await expect(page.getByTestId("qr-sheet")).toHaveClass(/qr-sheet-label/);
  expect(await decodeQrOnPage(page)).toBe(connectUrl);

  // On paper only the sheet shows: no navigation, no buttons.
  await page.emulateMedia({ media: "print" });
  await expect(page.getByRole("navigation", { name: "Company administration" })).toBeHidden();
  await expect(page.getByRole("button", { name: "Print" })).toBeHidden();
  await expect(page.getByRole("img", { name: /MeetingConnect QR code/ })).toBeVisible();
  await page.emulateMedia({ media: "screen" });

  await page.getByRole("button", { name: "Make a new QR code" }).click();
  const dialog = page.getByRole("dialog", { name: "Make a new QR code?" });
  await dialog.getByRole("button", { name: "Make a new QR code" }).click();
  await expect(page.getByText("New QR code made.")).toBeVisible();
  await expect(page.getByTestId("connect-url")).not.toHaveText(connectUrl);
  // The new image replaces the old one once it has loaded.
  await expect.poll(() => decodeQrOnPage(page), { timeout: 15_000 }).not.toBe(connectUrl);
  const replaced = await decodeQrOnPage(page);
  expect(replaced).toMatch(/\/connect\/[\w-]{40,}$/);
  const oldToken = connectUrl.split("/connect/")[1];
  expect((await page.request.get(`/api/v1/connect/${oldToken}`)).status()).toBe(404);
  connectUrl = replaced ?? "";
});

test("on a phone, the connect page names the system, signs the visitor in and shows what to dial", async ({
  page,
}) => {
  await page.setViewportSize({ width: 375, height: 700 });
  await page.goto(new URL(connectUrl).pathname);
  await expect(
    page.getByRole("heading", { name: "Join a meeting from this video system", level: 1 }),
  ).toBeVisible();
  const system = page.getByRole("region", { name: "Video system" });
  await expect(system).toContainText("Conference Room B");
  await expect(system).toContainText("room-b@chotchkies.example");
  await expect(system).toContainText("Chotchkies");
  // Nothing wider than the phone's screen.
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);

  await page.getByRole("link", { name: "Sign in to join" }).click();
  await page.getByLabel("Email or video address").fill(admin.email);
  await page.getByLabel("Password", { exact: true }).fill(admin.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(new URL(connectUrl).pathname);

  await expect(page.getByRole("radio", { name: /My meeting room/ })).toBeChecked();
  await page.getByRole("radio", { name: "Another video address" }).check();
  await page.getByRole("button", { name: "Join from this video system" }).click();
  await expect(page.getByText("Choose a room or enter a video address.")).toBeVisible();
  await page.getByRole("textbox", { name: "Video address" }).fill("all-hands@chotchkies.example");
  await page.getByRole("button", { name: "Join from this video system" }).click();
  const answer = page.getByRole("status").filter({ hasText: "Dial from the video system" });
  await expect(answer).toContainText("all-hands@chotchkies.example");
  await expect(answer.getByRole("button", { name: "Copy address" })).toBeVisible();
});
