import { and, asc, count, eq, type SQL } from "drizzle-orm";
import type { UserLookup } from "../../../domain/scim-filter.js";
import type { Db } from "../../db/client.js";
import { isUniqueViolation } from "../../db/errors.js";
import { accounts } from "../../db/schema.js";
import { ConflictError } from "../../errors.js";
import type { AccountRow } from "../auth/accounts.repository.js";

/** SCIM sees the company's members, in every status; never operators or partner admins. */
const membersOf = (companyId: string) => and(eq(accounts.companyId, companyId), eq(accounts.kind, "member"));

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** SCIM ids are opaque to the client: one that is not a UUID simply finds nobody (404, not 400). */
export const isAccountId = (id: string) => UUID.test(id);

function lookupCondition(lookup: UserLookup | null): SQL | undefined {
  if (!lookup) return undefined;
  switch (lookup.field) {
    case "email":
      return eq(accounts.email, lookup.value);
    case "externalId":
      return eq(accounts.externalId, lookup.value);
    case "id":
      return eq(accounts.id, lookup.value);
  }
}

/** One page of the company's members matching the lookup, oldest first (stable paging). */
export async function listScimUsers(
  db: Db,
  companyId: string,
  lookup: UserLookup | null,
  page: { offset: number; limit: number },
): Promise<{ rows: AccountRow[]; total: number }> {
  if (lookup?.field === "id" && !isAccountId(lookup.value)) return { rows: [], total: 0 };
  const where = and(membersOf(companyId), lookupCondition(lookup));
  const [totalRow] = await db.select({ n: count() }).from(accounts).where(where);
  const rows =
    page.limit === 0
      ? []
      : await db
          .select()
          .from(accounts)
          .where(where)
          .orderBy(asc(accounts.createdAt), asc(accounts.id))
          .offset(page.offset)
          .limit(page.limit);
  return { rows, total: totalRow?.n ?? 0 };
}

export async function findScimUser(db: Db, companyId: string, id: string): Promise<AccountRow | undefined> {
  if (!isAccountId(id)) return undefined;
  const [row] = await db
    .select()
    .from(accounts)
    .where(and(membersOf(companyId), eq(accounts.id, id)))
    .limit(1);
  return row;
}

export const EXTERNAL_ID_TAKEN = "Another member of this company already has this externalId.";

/** What SCIM keeps beside the member's own fields; always moves `updatedAt` (meta.lastModified). */
export async function updateScimFields(
  tx: Db,
  companyId: string,
  id: string,
  changes: Partial<Pick<AccountRow, "externalId" | "status" | "provisionedBy">>,
): Promise<void> {
  try {
    // A savepoint, so a conflict leaves the caller's transaction usable on PostgreSQL.
    await tx.transaction(async (sp) => {
      await sp
        .update(accounts)
        .set({ ...changes, updatedAt: new Date() })
        .where(and(membersOf(companyId), eq(accounts.id, id)));
    });
  } catch (error) {
    if (isUniqueViolation(error, "accounts_external_id_key")) {
      throw new ConflictError(EXTERNAL_ID_TAKEN, { externalId: EXTERNAL_ID_TAKEN });
    }
    throw error;
  }
}
