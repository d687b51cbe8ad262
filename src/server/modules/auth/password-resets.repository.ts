import { and, eq, gt, isNull } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { passwordResetTokens } from "../../db/schema.js";

export async function insertPasswordResetToken(
  db: Db,
  token: { tokenHash: string; accountId: string; expiresAt: Date },
): Promise<void> {
  await db.insert(passwordResetTokens).values(token);
}

/**
 * Marks the token used and returns its account, in one statement, so a link clicked twice at
 * the same moment resets the password once.
 */
export async function consumePasswordResetToken(db: Db, tokenHash: string): Promise<string | undefined> {
  const [row] = await db
    .update(passwordResetTokens)
    .set({ usedAt: new Date() })
    .where(
      and(
        eq(passwordResetTokens.tokenHash, tokenHash),
        isNull(passwordResetTokens.usedAt),
        gt(passwordResetTokens.expiresAt, new Date()),
      ),
    )
    .returning({ accountId: passwordResetTokens.accountId });
  return row?.accountId;
}

/** After a reset, every other outstanding link of the account stops working too. */
export async function expireAccountResetTokens(db: Db, accountId: string): Promise<void> {
  await db
    .update(passwordResetTokens)
    .set({ usedAt: new Date() })
    .where(and(eq(passwordResetTokens.accountId, accountId), isNull(passwordResetTokens.usedAt)));
}
