import { eq, inArray, or } from "drizzle-orm";
import { chunked, insertRows, VALUES_PER_LOOKUP } from "../../db/batches.js";
import type { Db } from "../../db/client.js";
import { accounts, companies, partners } from "../../db/schema.js";

export type AccountRow = typeof accounts.$inferSelect;
export type NewAccount = typeof accounts.$inferInsert;

/** `login` is already normalised (trimmed, lowercased): an email or a video address. */
export async function findAccountByLogin(db: Db, login: string): Promise<AccountRow | undefined> {
  const [row] = await db
    .select()
    .from(accounts)
    .where(or(eq(accounts.email, login), eq(accounts.videoAddress, login)))
    .limit(1);
  return row;
}

export async function findAccountByEmail(db: Db, email: string): Promise<AccountRow | undefined> {
  const [row] = await db.select().from(accounts).where(eq(accounts.email, email)).limit(1);
  return row;
}

export async function findAccountById(db: Db, id: string): Promise<AccountRow | undefined> {
  const [row] = await db.select().from(accounts).where(eq(accounts.id, id)).limit(1);
  return row;
}

export async function insertAccount(db: Db, account: NewAccount): Promise<AccountRow> {
  const [row] = await db.insert(accounts).values(account).returning();
  if (!row) throw new Error("insert into accounts returned no row");
  return row;
}

export async function setAccountPassword(db: Db, id: string, passwordHash: string): Promise<void> {
  await db.update(accounts).set({ passwordHash, passwordChangedAt: new Date() }).where(eq(accounts.id, id));
}

/** The names shown beside an account: its company or partner, if any. */
export async function findAccountOrganisations(db: Db, account: AccountRow) {
  const [company] = account.companyId
    ? await db
        .select({ id: companies.id, name: companies.name })
        .from(companies)
        .where(eq(companies.id, account.companyId))
    : [];
  const [partner] = account.partnerId
    ? await db
        .select({ id: partners.id, name: partners.name })
        .from(partners)
        .where(eq(partners.id, account.partnerId))
    : [];
  return { company: company ?? null, partner: partner ?? null };
}

/** Many accounts in multi-row inserts (a bulk invite); emails are unique, see `accounts_email_key`. */
export async function insertAccounts(tx: Db, rows: readonly NewAccount[]): Promise<void> {
  await insertRows(tx, accounts, rows);
}

/** Which of these (normalised) emails already belong to an account. */
export async function findTakenEmails(db: Db, emails: readonly string[]): Promise<Set<string>> {
  const taken = new Set<string>();
  for (const chunk of chunked([...new Set(emails)], VALUES_PER_LOOKUP)) {
    const rows = await db
      .select({ email: accounts.email })
      .from(accounts)
      .where(inArray(accounts.email, chunk));
    for (const row of rows) taken.add(row.email);
  }
  return taken;
}
