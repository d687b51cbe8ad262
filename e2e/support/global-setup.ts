import { type ChildProcess, spawn } from "node:child_process";
import { appendFileSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { startSmtpCapture } from "../../test/helpers/smtp-capture.js";
import {
  E2E_BASE_URL,
  E2E_MAILBOX_FILE,
  E2E_PORT,
  E2E_STATE_DIR,
  E2E_STATE_FILE,
  type E2eState,
} from "./environment.js";

/**
 * Starts an SMTP capture server and a built Confero on an empty embedded database, waits for
 * the one-time setup link it prints, and hands it to the specs. Returns the teardown.
 */
export default async function globalSetup(): Promise<() => Promise<void>> {
  rmSync(E2E_STATE_DIR, { recursive: true, force: true });
  mkdirSync(E2E_STATE_DIR, { recursive: true });
  writeFileSync(E2E_MAILBOX_FILE, "");

  const smtp = await startSmtpCapture({
    onMessage: (mail) => {
      const to = Array.isArray(mail.to) ? mail.to.map((a) => a.text).join(", ") : (mail.to?.text ?? "");
      appendFileSync(
        E2E_MAILBOX_FILE,
        `${JSON.stringify({ to, subject: mail.subject, text: mail.text, html: mail.html })}\n`,
      );
    },
  });
  const server = spawn(process.execPath, ["bin/confero.js", "serve"], {
    env: {
      ...process.env,
      PORT: String(E2E_PORT),
      HOST: "127.0.0.1",
      PUBLIC_URL: E2E_BASE_URL,
      DATA_DIR: path.join(E2E_STATE_DIR, "data"),
      SMTP_URL: smtp.url,
      MAIL_FROM: "Confero <no-reply@confero.test>",
      LOG_LEVEL: "info",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const setupLink = await waitForSetupLink(server);
  const state: E2eState = { setupLink };
  writeFileSync(E2E_STATE_FILE, JSON.stringify(state));

  return async () => {
    server.kill("SIGTERM");
    await new Promise((resolve) => server.once("exit", resolve));
    await smtp.stop();
  };
}

function waitForSetupLink(server: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    let output = "";
    const timer = setTimeout(
      () => reject(new Error(`Confero did not print a setup link:\n${output}`)),
      30_000,
    );
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      for (const line of output.split("\n")) {
        if (!line.startsWith("{")) continue;
        const entry = JSON.parse(line) as { setupLink?: string };
        if (entry.setupLink) {
          clearTimeout(timer);
          resolve(entry.setupLink);
        }
      }
    };
    server.stdout?.on("data", read);
    server.stderr?.on("data", (chunk: Buffer) => {
      output += chunk.toString();
    });
    server.once("exit", (code) =>
      reject(new Error(`Confero exited (${code}) before it was ready:\n${output}`)),
    );
  });
}
