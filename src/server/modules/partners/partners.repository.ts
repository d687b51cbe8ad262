import { and, asc, count, eq, ilike, sql } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { isUniqueViolation } from "../../db/errors.js";
import { containsPattern } from "../../db/like.js";
import { accounts, partners } from "../../db/schema.js";
import { ConflictError } from "../../errors.js";

export type PartnerRow = typeof partners.$inferSelect;

export const PARTNER_NAME_TAKEN = "Another partner already has this name.";

export async function findPartner(db: Db, partnerId: string): Promise<PartnerRow | undefined> {
  const [row] = await db.select().from(partners).where(eq(partners.id, partnerId)).limit(1);
  return row;
}

function nameTaken(error: unknown): never {
  if (isUniqueViolation(error, "partners_name_key"))
    throw new ConflictError(PARTNER_NAME_TAKEN, { name: PARTNER_NAME_TAKEN });
  throw error;
}

export async function insertPartner(tx: Db, name: string): Promise<PartnerRow> {
  try {
    const [row] = await tx.insert(partners).values({ name }).returning();
    if (!row) throw new Error("insert into partners returned no row");
    return row;
  } catch (error) {
    nameTaken(error);
  }
}

export async function renamePartner(tx: Db, partnerId: string, name: string): Promise<PartnerRow> {
  try {
    const [row] = await tx.update(partners).set({ name }).where(eq(partners.id, partnerId)).returning();
    if (!row) throw new Error(`partner ${partnerId} vanished`);
    return row;
  } catch (error) {
    nameTaken(error);
  }
}

// Spelled out with aliases: Drizzle leaves columns unqualified in single-table selects, which
// inside a correlated subquery would bind to the subquery's own table.
const companyCount = sql<number>`(select count(*)::int from companies c where c.partner_id = "partners"."id")`;
const adminCount = sql<number>`(select count(*)::int from accounts a where a.partner_id = "partners"."id" and a.kind = 'partner_admin')`;
const partnerWithCounts = {
  id: partners.id,
  name: partners.name,
  createdAt: partners.createdAt,
  companyCount,
  adminCount,
};

export async function findPartnerWithCounts(db: Db, partnerId: string) {
  const [row] = await db.select(partnerWithCounts).from(partners).where(eq(partners.id, partnerId)).limit(1);
  return row;
}

export async function listPartners(db: Db, query: { q?: string; page: number; pageSize: number }) {
  const where = query.q ? ilike(partners.name, containsPattern(query.q)) : undefined;
  const [items, [total]] = await Promise.all([
    db
      .select(partnerWithCounts)
      .from(partners)
      .where(where)
      .orderBy(asc(sql`lower(${partners.name})`), asc(partners.id))
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize),
    db.select({ value: count() }).from(partners).where(where),
  ]);
  return { items, total: total?.value ?? 0 };
}

export async function listPartnerAdmins(db: Db, partnerId: string, page: number, pageSize: number) {
  const where = and(eq(accounts.partnerId, partnerId), eq(accounts.kind, "partner_admin"));
  const [items, [total]] = await Promise.all([
    db
      .select({
        id: accounts.id,
        fullName: accounts.fullName,
        email: accounts.email,
        status: accounts.status,
        createdAt: accounts.createdAt,
      })
      .from(accounts)
      .where(where)
      .orderBy(asc(sql`lower(${accounts.fullName})`), asc(accounts.id))
      .limit(pageSize)
      .offset((page - 1) * pageSize),
    db.select({ value: count() }).from(accounts).where(where),
  ]);
  return { items, total: total?.value ?? 0 };
}
