import { createServer } from "node:net";
import { Writable } from "node:stream";
import { asc, eq, sql } from "drizzle-orm";
import type { AddressObject, ParsedMail } from "mailparser";
import { pino } from "pino";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { type SmtpCapture, startSmtpCapture } from "../../../../test/helpers/smtp-capture.js";
import {
  createTestDatabase,
  type TestDatabase,
  truncateAll,
} from "../../../../test/helpers/test-database.js";
import { outbox } from "../../db/schema.js";
import { MailWorker, type MailWorkerOptions, retryDelaySeconds } from "./mail-worker.js";
import { enqueueEmail, enqueueEmails } from "./outbox.repository.js";

const FROM = "Confero <no-reply@confero.test>";
const silent = pino({ level: "silent" });

let database: TestDatabase;
let capture: SmtpCapture | undefined;

beforeAll(async () => {
  database = await createTestDatabase();
});
beforeEach(async () => {
  await truncateAll(database);
});
afterEach(async () => {
  await capture?.stop();
  capture = undefined;
});
afterAll(async () => {
  await database.close();
});

function worker(options: Partial<MailWorkerOptions> = {}): MailWorker {
  return new MailWorker({
    db: database.db,
    log: silent,
    smtpUrl: capture?.url ?? null,
    from: FROM,
    ...options,
  });
}

function enqueue(n: number, to = `person${n}@example.test`) {
  return enqueueEmail(database.db, {
    to,
    subject: `Message ${n}`,
    text: `Hello ${n}, open https://confero.test/reset-password?token=tok${n}`,
    html: `<p>Hello ${n}, <a href="https://confero.test/reset-password?token=tok${n}">open</a></p>`,
  });
}

const rows = () => database.db.select().from(outbox).orderBy(asc(outbox.subject));

function firstAddress(field: AddressObject | AddressObject[] | undefined) {
  const object = Array.isArray(field) ? field[0] : field;
  return object?.value[0];
}

/** A port nothing listens on: taken from the OS, then released. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (!address || typeof address !== "object") throw new Error("no port");
  return address.port;
}

describe("mail worker", () => {
  it("delivers an enqueued message over SMTP with both parts and marks it sent", async () => {
    capture = await startSmtpCapture();
    await enqueue(1, "Ann.Person@example.test");

    expect(await worker().runOnce()).toBe(1);

    const [mail] = (await capture.waitFor(1)) as [ParsedMail];
    expect(firstAddress(mail.to)?.address).toBe("Ann.Person@example.test");
    expect(firstAddress(mail.from)).toEqual({ address: "no-reply@confero.test", name: "Confero" });
    expect(mail.subject).toBe("Message 1");
    expect(mail.text).toContain("https://confero.test/reset-password?token=tok1");
    expect(mail.html).toContain('href="https://confero.test/reset-password?token=tok1"');

    const [row] = await rows();
    expect(row).toMatchObject({ status: "sent", attempts: 1, lastError: null, lockedUntil: null });
    expect(row?.sentAt).toBeInstanceOf(Date);
  });

  it("keeps a message pending while SMTP is down and delivers it exactly once when it is back", async () => {
    const port = await closedPort();
    const down = worker({ smtpUrl: `smtp://127.0.0.1:${port}` });
    await enqueue(1);

    const before = Date.now();
    expect(await down.runOnce()).toBe(1);
    const [failed] = await rows();
    expect(failed).toMatchObject({ status: "pending", attempts: 1, sentAt: null });
    expect(failed?.lastError).toMatch(/ECONNREFUSED|connect/i);
    const waitSeconds = ((failed?.nextAttemptAt.getTime() ?? 0) - before) / 1000;
    expect(waitSeconds).toBeGreaterThan(25);
    expect(waitSeconds).toBeLessThan(35);

    capture = await startSmtpCapture({ port });
    // Not due yet: the retry waits its turn instead of hammering the server.
    expect(await down.runOnce()).toBe(0);

    await database.db.update(outbox).set({ nextAttemptAt: sql`now()` });
    expect(await down.runOnce()).toBe(1);
    expect(await down.runOnce()).toBe(0);
    await capture.waitFor(1);
    expect(capture.messages.map((m) => m.subject)).toEqual(["Message 1"]);
    expect(await rows()).toMatchObject([{ status: "sent", attempts: 2, lastError: null }]);
  });

  it("without SMTP, writes the message with its link to the log and marks it logged", async () => {
    const lines: Record<string, unknown>[] = [];
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        for (const line of chunk.toString("utf8").split("\n")) if (line) lines.push(JSON.parse(line));
        done();
      },
    });
    await enqueue(7, "log.me@example.test");

    expect(await worker({ smtpUrl: null, log: pino({ level: "info" }, sink) }).runOnce()).toBe(1);

    const entry = lines.find((l) => String(l.msg).includes("no SMTP_URL"));
    expect(entry?.msg).toContain("Hello 7, open https://confero.test/reset-password?token=tok7");
    expect(entry?.mail).toMatchObject({ to: "log.me@example.test", subject: "Message 7" });
    const [row] = await rows();
    expect(row).toMatchObject({ status: "logged", attempts: 1 });
    expect(row?.sentAt).toBeInstanceOf(Date);
  });

  it("lets the event loop run between batches while it works through a long backlog", async () => {
    await enqueueEmails(
      database.db,
      Array.from({ length: 400 }, (_, n) => ({
        to: `p${n}@example.test`,
        subject: `m${n}`,
        text: "t",
        html: "h",
      })),
    );
    const pass = worker({ smtpUrl: null }).runOnce();
    // A request's I/O waits for a macrotask turn; it must come after one batch, not after all 20.
    let handledWhenTurnCame = -1;
    await new Promise<void>((resolve) =>
      setImmediate(async () => {
        handledWhenTurnCame = (await rows()).filter((r) => r.status === "logged").length;
        resolve();
      }),
    );
    expect(await pass).toBe(400);
    expect(handledWhenTurnCame).toBeGreaterThanOrEqual(0);
    expect(handledWhenTurnCame).toBeLessThan(400);
  });

  it("doubles the retry delay from 30 s and caps it at one hour", () => {
    const delays = Array.from({ length: 9 }, (_, i) => retryDelaySeconds(i + 1));
    expect(delays).toEqual([30, 60, 120, 240, 480, 960, 1920, 3600, 3600]);
    expect(retryDelaySeconds(50)).toBe(3600);
  });

  it("two workers running at once deliver every message exactly once", async () => {
    capture = await startSmtpCapture();
    for (let n = 1; n <= 12; n++) await enqueue(n);

    // Small batches make the two workers interleave claims instead of one taking everything.
    const handled = await Promise.all([
      worker({ batchSize: 2 }).runOnce(),
      worker({ batchSize: 2 }).runOnce(),
    ]);

    expect(handled[0] + handled[1]).toBe(12);
    await capture.waitFor(12);
    const subjects = capture.messages.map((m) => m.subject).sort();
    expect(subjects).toEqual(Array.from({ length: 12 }, (_, i) => `Message ${i + 1}`).sort());
    const stored = await rows();
    expect(stored.every((r) => r.status === "sent" && r.attempts === 1)).toBe(true);
  });

  it("stop() makes a final pass that delivers what was enqueued just before it", async () => {
    capture = await startSmtpCapture();
    const running = worker({ pollIntervalMs: 60 * 60 * 1000 });
    // Record each pass so the test knows when the first one is over (instead of sleeping).
    const passes: Promise<number>[] = [];
    const runOnce = running.runOnce.bind(running);
    running.runOnce = () => {
      const pass = runOnce();
      passes.push(pass);
      return pass;
    };
    await enqueue(1);
    running.start();
    await expect.poll(() => passes.length).toBe(1);
    expect(await passes[0]).toBe(1);

    // The next poll is an hour away, so only stop()'s final pass can send this one.
    await enqueue(2);
    const stopStarted = Date.now();
    await running.stop();

    expect(Date.now() - stopStarted).toBeLessThan(5000);
    expect(passes).toHaveLength(2);
    expect(await passes[1]).toBe(1);
    expect(capture.messages.map((m) => m.subject)).toEqual(["Message 1", "Message 2"]);
    const second = await database.db.select().from(outbox).where(eq(outbox.subject, "Message 2"));
    expect(second[0]?.status).toBe("sent");
  });
});
