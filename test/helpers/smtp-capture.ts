import type { AddressInfo } from "node:net";
import { type ParsedMail, simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";

/**
 * A real SMTP server on loopback that keeps every message it receives, parsed. Used by
 * integration and browser tests to read what Confero actually sent, links and all.
 */
export interface SmtpCapture {
  /** `smtp://127.0.0.1:PORT`, ready for Config.smtpUrl / SMTP_URL. */
  url: string;
  port: number;
  /** Every message received so far, in arrival order. */
  messages: ParsedMail[];
  /** Resolves with the messages once at least `count` have arrived; rejects after `timeoutMs`. */
  waitFor(count: number, timeoutMs?: number): Promise<ParsedMail[]>;
  stop(): Promise<void>;
}

export interface SmtpCaptureOptions {
  port?: number;
  /** Called for every message as it arrives (browser tests hand messages to other processes). */
  onMessage?: (message: ParsedMail) => void;
}

export async function startSmtpCapture(options: SmtpCaptureOptions = {}): Promise<SmtpCapture> {
  const messages: ParsedMail[] = [];
  const waiters = new Set<() => void>();

  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    secure: false,
    logger: false,
    // Connections left open by a client must not hold stop() for the default 30 s.
    closeTimeout: 500,
    onData(stream, _session, callback) {
      // The client is answered only after the message is stored, so once sendMail() resolves
      // the message is already in `messages`.
      simpleParser(stream)
        .then((parsed) => {
          messages.push(parsed);
          options.onMessage?.(parsed);
          for (const wake of waiters) wake();
          callback();
        })
        .catch((error: Error) => callback(error));
    },
  });

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, "127.0.0.1", () => {
      server.off("error", reject);
      resolve();
    });
  });
  const { port } = server.server.address() as AddressInfo;

  return {
    url: `smtp://127.0.0.1:${port}`,
    port,
    messages,
    waitFor(count, timeoutMs = 5000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          if (messages.length < count) return;
          cleanUp();
          resolve(messages);
        };
        const timer = setTimeout(() => {
          cleanUp();
          reject(new Error(`expected ${count} email(s) within ${timeoutMs} ms, got ${messages.length}`));
        }, timeoutMs);
        const cleanUp = () => {
          clearTimeout(timer);
          waiters.delete(check);
        };
        waiters.add(check);
        check();
      });
    },
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
