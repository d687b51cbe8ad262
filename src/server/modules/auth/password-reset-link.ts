import type { Db } from "../../db/client.js";
import { hashToken, newToken } from "../../lib/tokens.js";
import { enqueueEmail } from "../mail/outbox.repository.js";
import { passwordResetEmail } from "../mail/templates.js";
import type { AccountRow } from "./accounts.repository.js";
import { insertPasswordResetToken } from "./password-resets.repository.js";

export const PASSWORD_RESET_VALID_MS = 60 * 60 * 1000;

/**
 * A one-hour password reset link for an account and the email carrying it. Call inside a
 * transaction; the caller has decided that the account may get one (an active account).
 */
export async function issuePasswordReset(
  tx: Db,
  links: { sessionSecret: string; publicUrl: string },
  account: Pick<AccountRow, "id" | "email" | "fullName" | "companyId">,
  serviceName: string,
): Promise<void> {
  const token = newToken();
  await insertPasswordResetToken(tx, {
    tokenHash: hashToken(links.sessionSecret, token),
    accountId: account.id,
    expiresAt: new Date(Date.now() + PASSWORD_RESET_VALID_MS),
  });
  await enqueueEmail(tx, {
    ...passwordResetEmail({
      to: account.email,
      fullName: account.fullName,
      serviceName,
      url: `${links.publicUrl}/reset-password?token=${token}`,
    }),
    companyId: account.companyId,
  });
}
