import { readFileSync } from "node:fs";
import { expect } from "@playwright/test";
import { E2E_MAILBOX_FILE } from "./environment.js";

interface CapturedMail {
  to: string;
  subject: string;
  text: string;
  html: string;
}

function readMailbox(): CapturedMail[] {
  return readFileSync(E2E_MAILBOX_FILE, "utf8")
    .split("\n")
    .filter(Boolean)
    .map((line) => JSON.parse(line) as CapturedMail);
}

/** How many emails to `to` whose subject matches have arrived so far. */
export function mailCount(to: string, subject: RegExp): number {
  return readMailbox().filter((m) => m.to.includes(to) && subject.test(m.subject)).length;
}

/** Waits for an email to `to` whose subject matches, as caught by the test SMTP server. */
export async function waitForMail(to: string, subject: RegExp): Promise<CapturedMail> {
  let found: CapturedMail | undefined;
  await expect
    .poll(
      () => {
        found = readMailbox()
          .reverse()
          .find((m) => m.to.includes(to) && subject.test(m.subject));
        return found !== undefined;
      },
      { timeout: 10_000, message: `no email to ${to} matching ${subject}` },
    )
    .toBe(true);
  return found as CapturedMail;
}

export function firstLink(mail: CapturedMail): string {
  const link = mail.text.match(/https?:\/\/\S+/)?.[0];
  if (!link) throw new Error(`no link in "${mail.subject}"`);
  return link;
}
