import { defineConfig } from "@playwright/test";
import { E2E_BASE_URL } from "./e2e/support/environment.js";

/**
 * Browser tests drive a real Confero (built, on a fresh embedded database) through Debian's
 * Chromium, with a real SMTP server on loopback catching its emails. `npm test` runs them
 * when Chromium is installed; `npm run test:e2e` runs only them.
 */
export default defineConfig({
  testDir: "e2e",
  globalSetup: "./e2e/support/global-setup.ts",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 30_000,
  expect: { timeout: 7_000 },
  reporter: "list",
  // auth.spec.ts sets the service up from its first-run state, so it runs before everything else;
  // the other specs each make a company of their own and may run in any order after it.
  projects: [
    { name: "first-run", testMatch: /auth\.spec\.ts/ },
    { name: "features", testIgnore: /auth\.spec\.ts/, dependencies: ["first-run"] },
  ],
  use: {
    baseURL: E2E_BASE_URL,
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      // The machine has no network beyond loopback; these keep Chromium from trying.
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    },
  },
});
