import type { z } from "zod";
import type { Db } from "../../db/client.js";
import type { AccountActor } from "../auth/actor.js";
import { assertOperator } from "../operator/operator.policy.js";
import { listOutbox, type OutboxRow } from "./outbox.repository.js";
import type { outboxItem } from "./outbox.schemas.js";

function toOutboxDto(row: OutboxRow): z.infer<typeof outboxItem> {
  return {
    id: row.id,
    to: row.toAddress,
    subject: row.subject,
    text: row.textBody,
    status: row.status,
    attempts: row.attempts,
    lastError: row.lastError,
    createdAt: row.createdAt.toISOString(),
    sentAt: row.sentAt?.toISOString() ?? null,
  };
}

/** Operators read every email here — the way to follow links when no SMTP server is configured. */
export async function listOutboxForOperator(db: Db, actor: AccountActor, page: number, pageSize: number) {
  assertOperator(actor);
  const { items, total } = await listOutbox(db, page, pageSize);
  return { items: items.map(toOutboxDto), total, page, pageSize };
}
