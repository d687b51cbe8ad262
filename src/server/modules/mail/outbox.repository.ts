import { and, asc, count, desc, eq, inArray, isNull, lte, or, sql } from "drizzle-orm";
import { insertRows } from "../../db/batches.js";
import type { Db } from "../../db/client.js";
import { outbox } from "../../db/schema.js";

export interface OutgoingEmail {
  to: string;
  subject: string;
  text: string;
  html: string;
  companyId?: string | null;
}

export type OutboxRow = typeof outbox.$inferSelect;

const toOutboxRow = (email: OutgoingEmail) => ({
  toAddress: email.to,
  subject: email.subject,
  textBody: email.text,
  htmlBody: email.html,
  companyId: email.companyId ?? null,
});

/** Call inside the transaction of the change that causes the email. */
export async function enqueueEmail(tx: Db, email: OutgoingEmail): Promise<void> {
  await tx.insert(outbox).values(toOutboxRow(email));
}

/** Many emails in multi-row inserts (a bulk invite); the worker sends them afterwards. */
export async function enqueueEmails(tx: Db, emails: readonly OutgoingEmail[]): Promise<void> {
  await insertRows(tx, outbox, emails.map(toOutboxRow));
}

/**
 * Takes up to `limit` due messages and leases them for `leaseSeconds`, so two workers (two
 * instances on one PostgreSQL) never send the same message, and a worker that dies mid-send
 * lets another pick the message up after the lease.
 */
export async function claimDueEmails(db: Db, limit: number, leaseSeconds = 120): Promise<OutboxRow[]> {
  return db.transaction(async (tx) => {
    const due = await tx
      .select({ id: outbox.id })
      .from(outbox)
      .where(
        and(
          eq(outbox.status, "pending"),
          lte(outbox.nextAttemptAt, sql`now()`),
          or(isNull(outbox.lockedUntil), lte(outbox.lockedUntil, sql`now()`)),
        ),
      )
      .orderBy(asc(outbox.nextAttemptAt))
      .limit(limit)
      .for("update", { skipLocked: true });
    if (due.length === 0) return [];
    return tx
      .update(outbox)
      .set({ lockedUntil: sql`now() + make_interval(secs => ${leaseSeconds})` })
      .where(
        inArray(
          outbox.id,
          due.map((d) => d.id),
        ),
      )
      .returning();
  });
}

export async function markEmailDelivered(db: Db, id: string, status: "sent" | "logged"): Promise<void> {
  await db
    .update(outbox)
    .set({
      status,
      sentAt: sql`now()`,
      lockedUntil: null,
      attempts: sql`${outbox.attempts} + 1`,
      lastError: null,
    })
    .where(eq(outbox.id, id));
}

/** The message stays pending: SMTP being down must never lose an email. */
export async function scheduleEmailRetry(
  db: Db,
  id: string,
  error: string,
  delaySeconds: number,
): Promise<void> {
  await db
    .update(outbox)
    .set({
      attempts: sql`${outbox.attempts} + 1`,
      lastError: error.slice(0, 1000),
      lockedUntil: null,
      nextAttemptAt: sql`now() + make_interval(secs => ${delaySeconds})`,
    })
    .where(eq(outbox.id, id));
}

export async function listOutbox(db: Db, page: number, pageSize: number) {
  const [items, [total]] = await Promise.all([
    db
      .select()
      .from(outbox)
      .orderBy(desc(outbox.createdAt), desc(outbox.id))
      .limit(pageSize)
      .offset((page - 1) * pageSize),
    db.select({ value: count() }).from(outbox),
  ]);
  return { items, total: total?.value ?? 0 };
}
