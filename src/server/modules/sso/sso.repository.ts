import { and, arrayContains, arrayOverlaps, asc, eq, inArray, isNull, lt, ne, or, sql } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { accounts, companySso, ssoLoginRequests } from "../../db/schema.js";

export type CompanySsoRow = typeof companySso.$inferSelect;
export type NewCompanySso = typeof companySso.$inferInsert;
export type SsoLoginRequestRow = typeof ssoLoginRequests.$inferSelect;

export async function findCompanySso(db: Db, companyId: string): Promise<CompanySsoRow | undefined> {
  const [row] = await db.select().from(companySso).where(eq(companySso.companyId, companyId));
  return row;
}

/** The one SSO configuration covering an email domain (save time keeps domains unique). */
export async function findSsoForDomain(db: Db, domain: string): Promise<CompanySsoRow | undefined> {
  const [row] = await db
    .select()
    .from(companySso)
    .where(arrayContains(companySso.emailDomains, [domain]))
    .limit(1);
  return row;
}

/** Which of these domains another company's SSO already covers. */
export async function findDomainsTakenByOthers(
  db: Db,
  companyId: string,
  domains: readonly string[],
): Promise<string[]> {
  if (domains.length === 0) return [];
  const rows = await db
    .select({ emailDomains: companySso.emailDomains })
    .from(companySso)
    .where(and(ne(companySso.companyId, companyId), arrayOverlaps(companySso.emailDomains, [...domains])));
  const wanted = new Set(domains);
  return [...new Set(rows.flatMap((row) => row.emailDomains.filter((d) => wanted.has(d))))];
}

/**
 * Serialises saves of SSO settings across companies for the rest of the transaction, so two
 * companies claiming the same email domain at once cannot both pass the check.
 */
export async function lockSsoDomains(tx: Db): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext('company_sso.email_domains'))`);
}

export async function upsertCompanySso(tx: Db, row: NewCompanySso): Promise<CompanySsoRow> {
  const { companyId: _companyId, createdAt: _createdAt, ...changes } = row;
  const [saved] = await tx
    .insert(companySso)
    .values(row)
    .onConflictDoUpdate({ target: companySso.companyId, set: { ...changes, updatedAt: new Date() } })
    .returning();
  if (!saved) throw new Error("upsert into company_sso returned no row");
  return saved;
}

export async function deleteCompanySso(tx: Db, companyId: string): Promise<CompanySsoRow | undefined> {
  const [row] = await tx.delete(companySso).where(eq(companySso.companyId, companyId)).returning();
  await tx.delete(ssoLoginRequests).where(eq(ssoLoginRequests.companyId, companyId));
  return row;
}

/** The company's active admins: who may be its break-glass admin. */
export async function findActiveCompanyAdmins(db: Db, companyId: string) {
  return db
    .select({ id: accounts.id, fullName: accounts.fullName, email: accounts.email })
    .from(accounts)
    .where(
      and(
        eq(accounts.companyId, companyId),
        eq(accounts.kind, "member"),
        eq(accounts.role, "admin"),
        eq(accounts.status, "active"),
      ),
    )
    .orderBy(asc(accounts.fullName), asc(accounts.id));
}

export async function insertLoginRequest(db: Db, row: typeof ssoLoginRequests.$inferInsert): Promise<void> {
  await db.insert(ssoLoginRequests).values(row);
}

export async function deleteExpiredLoginRequests(db: Db, now: Date): Promise<void> {
  await db.delete(ssoLoginRequests).where(lt(ssoLoginRequests.expiresAt, now));
}

/** Takes a started sign-in out of the table: whoever asks first gets it, nobody gets it twice. */
export async function consumeLoginRequest(
  db: Db,
  stateHash: string,
): Promise<SsoLoginRequestRow | undefined> {
  const [row] = await db
    .delete(ssoLoginRequests)
    .where(eq(ssoLoginRequests.stateHash, stateHash))
    .returning();
  return row;
}

/** The company's member with this email who may sign in (active or invited). */
export async function findSignInMember(db: Db, companyId: string, email: string) {
  const [row] = await db
    .select()
    .from(accounts)
    .where(
      and(
        eq(accounts.companyId, companyId),
        eq(accounts.kind, "member"),
        eq(accounts.email, email),
        inArray(accounts.status, ["active", "invited"]),
      ),
    );
  return row;
}

/** Another account of the company already linked to this provider subject. */
export async function findOtherSubjectHolder(db: Db, companyId: string, subject: string, accountId: string) {
  const [row] = await db
    .select({ id: accounts.id })
    .from(accounts)
    .where(
      and(eq(accounts.companyId, companyId), eq(accounts.ssoSubject, subject), ne(accounts.id, accountId)),
    );
  return row;
}

/**
 * Links the account to the provider subject (first sign-in) and activates it when invited;
 * undefined when it is linked to another subject or no longer active or invited.
 */
export async function linkSignInAccount(tx: Db, accountId: string, subject: string) {
  const [row] = await tx
    .update(accounts)
    .set({ ssoSubject: subject, status: "active" })
    .where(
      and(
        eq(accounts.id, accountId),
        inArray(accounts.status, ["active", "invited"]),
        or(isNull(accounts.ssoSubject), eq(accounts.ssoSubject, subject)),
      ),
    )
    .returning();
  return row;
}
