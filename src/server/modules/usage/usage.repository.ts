import { and, asc, eq, gte, lte, type SQL, sql } from "drizzle-orm";
import type { UsagePeriod } from "../../../domain/usage-period.js";
import { type Db, queryRows } from "../../db/client.js";
import { usageDaily } from "../../db/schema.js";
import type { UsageSort } from "./usage.schemas.js";

/**
 * Reads `usage_daily` (written by the event sink, never here). Every query of a company's
 * figures is one aggregate over a range of its primary key (company_id, dimension, day, key);
 * the names of rooms, people and video systems are joined from the current tables afterwards.
 */

export interface UsageSums {
  calls: number;
  callSeconds: number;
  roomSeconds: number;
}

export interface DailyUsageRow extends UsageSums {
  day: string;
}

/** The company's totals per day (only days with usage), from `period.from` to `period.to`. */
export async function dailyTotals(db: Db, companyId: string, period: UsagePeriod): Promise<DailyUsageRow[]> {
  return db
    .select({
      day: usageDaily.day,
      calls: usageDaily.calls,
      callSeconds: usageDaily.callSeconds,
      roomSeconds: usageDaily.roomSeconds,
    })
    .from(usageDaily)
    .where(
      and(
        eq(usageDaily.companyId, companyId),
        eq(usageDaily.dimension, "total"),
        gte(usageDaily.day, period.from),
        lte(usageDaily.day, period.to),
        eq(usageDaily.key, ""),
      ),
    )
    .orderBy(asc(usageDaily.day));
}

export type BreakdownDimension = "endpoint" | "user" | "vmr";

export interface BreakdownRow extends UsageSums {
  id: string;
  /** Null when the item no longer exists. */
  name: string | null;
  address: string | null;
}

/** A page of a list, or (for exports) everything up to `limit` rows. */
export type Slice = { limit: number; offset: number };

// Keys are ids as text; one that is not a UUID (it never should be) names nothing instead of
// failing the cast.
const keyAsId = sql`(case when agg.key ~* '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$' then agg.key::uuid end)`;

/** The current name and address of each key, from the company's own rows only. */
function namesOf(dimension: BreakdownDimension, companyId: string): { join: SQL; name: SQL; address: SQL } {
  switch (dimension) {
    case "endpoint":
      return {
        join: sql`left join video_systems n on n.company_id = ${companyId} and n.id = ${keyAsId}`,
        name: sql`n.name`,
        address: sql`n.address`,
      };
    case "user":
      return {
        join: sql`left join accounts n on n.company_id = ${companyId} and n.id = ${keyAsId}`,
        name: sql`n.full_name`,
        address: sql`n.video_address`,
      };
    case "vmr":
      return {
        join: sql`left join personal_rooms p on p.company_id = ${companyId} and p.id = ${keyAsId}
                  left join team_rooms t on t.company_id = ${companyId} and t.id = ${keyAsId}`,
        name: sql`coalesce(p.name, t.name)`,
        address: sql`coalesce(p.address, t.address)`,
      };
  }
}

const SORT_COLUMNS: Record<string, SQL> = {
  calls: sql`calls`,
  minutes: sql`call_seconds`,
  roomMinutes: sql`room_seconds`,
};

/**
 * ORDER BY for a sort: the figure (or the name), then the name, then the id, so pages never
 * overlap; whatever no longer exists (no name) comes last either way.
 */
function orderBy(sort: UsageSort, tieBreak: SQL): SQL {
  const descending = sort.startsWith("-");
  const field = sort.replace("-", "");
  const direction = descending ? sql`desc` : sql`asc`;
  const byName = sql`(name is null), lower(name) ${field === "name" ? direction : sql`asc`}`;
  const lead = SORT_COLUMNS[field];
  return lead ? sql`${lead} ${direction}, ${byName}, ${tieBreak}` : sql`${byName}, ${tieBreak} ${direction}`;
}

interface Counted {
  total: number;
}

/** Rows of a slice with the number of rows in all; past the end, the count is asked again. */
async function sliced<T extends Counted>(
  slice: Slice,
  run: (slice: Slice) => Promise<T[]>,
): Promise<{ rows: T[]; first: T | undefined }> {
  const rows = await run(slice);
  if (rows.length > 0 || slice.offset === 0) return { rows, first: rows[0] };
  const [first] = await run({ limit: 1, offset: 0 });
  return { rows, first };
}

/** The company's usage by endpoint, user or VMR in the period: one aggregate, names joined to it. */
export async function breakdown(
  db: Db,
  companyId: string,
  dimension: BreakdownDimension,
  period: UsagePeriod,
  sort: UsageSort,
  slice: Slice,
): Promise<{ items: BreakdownRow[]; total: number }> {
  const names = namesOf(dimension, companyId);
  const { rows, first } = await sliced(slice, ({ limit, offset }) =>
    queryRows<BreakdownRow & Counted>(
      db,
      sql`with agg as (
            select key, sum(calls)::int as calls, sum(call_seconds)::float8 as call_seconds,
                   sum(room_seconds)::float8 as room_seconds
              from usage_daily
             where company_id = ${companyId} and dimension = ${dimension}
               and day >= ${period.from} and day <= ${period.to}
             group by key
          ), named as (
            select agg.key as id, agg.calls, agg.call_seconds, agg.room_seconds,
                   ${names.name} as name, ${names.address} as address
              from agg ${names.join}
          )
          select id, calls, call_seconds as "callSeconds", room_seconds as "roomSeconds", name, address,
                 (count(*) over ())::int as total
            from named
           order by ${orderBy(sort, sql`id`)}
           limit ${limit} offset ${offset}`,
    ),
  );
  return { items: rows.map(({ total: _total, ...row }) => row), total: first?.total ?? 0 };
}

export interface CompanyUsageRow extends UsageSums {
  companyId: string;
  companyName: string;
  partnerId: string;
  partnerName: string;
}

/**
 * Usage per company in the period — a partner's customers, or (without a partner) every
 * company — each company's own days, zeros for those without calls; with the totals of all.
 */
export async function companiesUsage(
  db: Db,
  scope: { partnerId: string | null },
  period: UsagePeriod,
  sort: UsageSort,
  slice: Slice,
): Promise<{ items: CompanyUsageRow[]; total: number; totals: UsageSums }> {
  const where = scope.partnerId ? sql`where c.partner_id = ${scope.partnerId}` : sql``;
  type Row = CompanyUsageRow & Counted & { allCalls: number; allCallSeconds: number; allRoomSeconds: number };
  const { rows, first } = await sliced(slice, ({ limit, offset }) =>
    queryRows<Row>(
      db,
      sql`with agg as (
            select c.id, c.name, c.partner_id, p.name as partner_name,
                   coalesce(sum(u.calls), 0)::int as calls,
                   coalesce(sum(u.call_seconds), 0)::float8 as call_seconds,
                   coalesce(sum(u.room_seconds), 0)::float8 as room_seconds
              from companies c
              join partners p on p.id = c.partner_id
              left join usage_daily u on u.company_id = c.id and u.dimension = 'total'
                   and u.day >= ${period.from} and u.day <= ${period.to} and u.key = ''
             ${where}
             group by c.id, p.name
          )
          select id as "companyId", name as "companyName", partner_id as "partnerId",
                 partner_name as "partnerName", calls, call_seconds as "callSeconds",
                 room_seconds as "roomSeconds", (count(*) over ())::int as total,
                 (sum(calls) over ())::int as "allCalls",
                 (sum(call_seconds) over ())::float8 as "allCallSeconds",
                 (sum(room_seconds) over ())::float8 as "allRoomSeconds"
            from agg
           order by ${orderBy(sort, sql`id`)}
           limit ${limit} offset ${offset}`,
    ),
  );
  const items = rows.map(
    ({ total: _t, allCalls: _c, allCallSeconds: _s, allRoomSeconds: _r, ...row }) => row as CompanyUsageRow,
  );
  return {
    items,
    total: first?.total ?? 0,
    totals: {
      calls: first?.allCalls ?? 0,
      callSeconds: first?.allCallSeconds ?? 0,
      roomSeconds: first?.allRoomSeconds ?? 0,
    },
  };
}
