import { normaliseEmail } from "../../../domain/email.js";
import type { Db } from "../../db/client.js";
import { isUniqueViolation } from "../../db/errors.js";
import { ConflictError } from "../../errors.js";
import { hashPassword } from "../../lib/passwords.js";
import { recordAudit } from "../audit/audit.js";
import { type AccountRow, insertAccount } from "../auth/accounts.repository.js";
import type { Actor } from "../auth/actor.js";

export interface NewOperator {
  fullName: string;
  email: string;
  password: string;
}

/** Hash first (slow, outside any transaction), then call `insertOperator` inside one. */
export async function prepareOperator(input: NewOperator) {
  return {
    fullName: input.fullName.trim(),
    email: normaliseEmail(input.email),
    passwordHash: await hashPassword(input.password),
  };
}

export async function insertOperator(
  tx: Db,
  actor: Actor,
  operator: Awaited<ReturnType<typeof prepareOperator>>,
): Promise<AccountRow> {
  let account: AccountRow;
  try {
    account = await insertAccount(tx, { kind: "operator", ...operator, passwordChangedAt: new Date() });
  } catch (error) {
    if (isUniqueViolation(error, "accounts_email_key")) {
      throw new ConflictError("An account with this email already exists.", {
        "operator.email": "An account with this email already exists.",
      });
    }
    throw error;
  }
  await recordAudit(tx, actor, {
    action: "operator.created",
    target: { type: "account", id: account.id },
    after: { fullName: account.fullName, email: account.email },
  });
  return account;
}
