import { expect, test } from "@playwright/test";

/**
 * Fails every test of the calling spec file whose page logs an error or throws. Chromium logs
 * each 4xx answer as "Failed to load resource"; those are expected (signed-out /me, a wrong
 * password, a 409) and ignored — anything else the app logs as an error is a bug.
 */
export function failOnBrowserErrors(): void {
  let pageErrors: string[] = [];
  test.beforeEach(({ page }) => {
    pageErrors = [];
    page.on("console", (message) => {
      if (message.type() === "error" && !message.text().startsWith("Failed to load resource")) {
        pageErrors.push(message.text());
      }
    });
    page.on("pageerror", (error) => pageErrors.push(error.message));
  });
  test.afterEach(() => {
    expect(pageErrors, "errors in the browser console").toEqual([]);
  });
}
