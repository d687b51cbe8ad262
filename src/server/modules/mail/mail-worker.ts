import type { FastifyBaseLogger } from "fastify";
import nodemailer, { type Transporter } from "nodemailer";
import type { Db } from "../../db/client.js";
import {
  claimDueEmails,
  markEmailDelivered,
  type OutboxRow,
  scheduleEmailRetry,
} from "./outbox.repository.js";

export interface MailWorkerOptions {
  db: Db;
  log: FastifyBaseLogger;
  /** null: no SMTP server configured; messages are written to the log and kept in the outbox. */
  smtpUrl: string | null;
  from: string;
  pollIntervalMs?: number;
  batchSize?: number;
}

/** 30 s, 1 min, 2 min … capped at 1 hour: a long SMTP outage is retried hourly, never dropped. */
export function retryDelaySeconds(attempts: number): number {
  return Math.min(3600, 30 * 2 ** Math.max(0, attempts - 1));
}

/**
 * Delivers the outbox. One loop per process; `stop()` lets the batch in flight finish and then
 * makes one last pass, so a SIGTERM right after an invitation still sends it.
 */
export class MailWorker {
  private readonly transport: Transporter | null;
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private stopped = false;

  constructor(private readonly options: MailWorkerOptions) {
    this.transport = options.smtpUrl ? nodemailer.createTransport(options.smtpUrl) : null;
  }

  start(): void {
    this.stopped = false;
    this.schedule(0);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.running;
    await this.runOnce();
    this.transport?.close();
  }

  /** Delivers everything due now; returns how many messages were handled. */
  async runOnce(): Promise<number> {
    let handled = 0;
    for (;;) {
      const batch = await claimDueEmails(this.options.db, this.options.batchSize ?? 20);
      for (const email of batch) await this.deliver(email);
      handled += batch.length;
      if (batch.length === 0) return handled;
      // The embedded database answers within the same thread, so without this a long backlog
      // (10,000 invitations) would keep the event loop from reading any request until it is done.
      await new Promise((resolve) => setImmediate(resolve));
    }
  }

  private schedule(delayMs: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.running = this.runOnce()
        .catch((error: unknown) => this.options.log.error({ err: error }, "mail worker pass failed"))
        .then(() => {
          this.running = null;
          this.schedule(this.options.pollIntervalMs ?? 1000);
        });
    }, delayMs);
    this.timer.unref();
  }

  private async deliver(email: OutboxRow): Promise<void> {
    const { db, log } = this.options;
    if (!this.transport) {
      log.info(
        { mail: { id: email.id, to: email.toAddress, subject: email.subject } },
        `email not sent (no SMTP_URL configured); read it in the operator outbox:\n${email.textBody}`,
      );
      await markEmailDelivered(db, email.id, "logged");
      return;
    }
    try {
      await this.transport.sendMail({
        from: this.options.from,
        to: email.toAddress,
        subject: email.subject,
        text: email.textBody,
        html: email.htmlBody,
      });
      await markEmailDelivered(db, email.id, "sent");
    } catch (error) {
      const delay = retryDelaySeconds(email.attempts + 1);
      const message = error instanceof Error ? error.message : String(error);
      log.warn(
        { mail: { id: email.id }, err: message, retryInSeconds: delay },
        "email delivery failed; will retry",
      );
      await scheduleEmailRetry(db, email.id, message, delay);
    }
  }
}
