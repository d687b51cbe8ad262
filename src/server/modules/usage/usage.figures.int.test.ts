import { parse } from "csv-parse/sync";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { demoCompanies } from "../../../../test/helpers/demo.js";
import { useTestApp } from "../../../../test/helpers/test-app.js";
import { addUsage, replaceUsage } from "../../../../test/helpers/usage-rows.js";
import { addDaysTo, dayCount, defaultPeriod, todayIn } from "../../../domain/usage-period.js";
import { companies } from "../../db/schema.js";

interface Summary {
  from: string;
  to: string;
  timeZone: string;
  totals: { calls: number; callMinutes: number; roomMinutes: number };
  previous: { from: string; to: string; calls: number; callMinutes: number; roomMinutes: number };
  days: { day: string; calls: number; callMinutes: number; roomMinutes: number }[];
}

const csvRows = (body: string) => parse(body.replace(/^\uFEFF/, ""), { delimiter: ";" }) as string[][];

describe("a company's usage summary: totals, previous period and every day", () => {
  const app = useTestApp();

  const setup = async () => {
    const demo = await demoCompanies(app());
    const alice = await demo.as("alice.andersen@acme.example");
    const base = `/api/v1/companies/${demo.acme.id}/usage`;
    const summary = async (query = "") => {
      const response = await alice.get(`${base}${query}`);
      expect(response.statusCode, response.body).toBe(200);
      return response.json() as Summary;
    };
    const [row] = await app()
      .db.select({ timeZone: companies.timeZone })
      .from(companies)
      .where(eq(companies.id, demo.acme.id));
    return { ...demo, alice, base, summary, timeZone: row?.timeZone ?? "UTC" };
  };

  it("adds up the period's days, compares them with the same number of days before, and fills in zeros", async () => {
    const { acme, globex, summary, timeZone } = await setup();
    await replaceUsage(app().db, acme.id, [
      { day: "2026-03-01", calls: 3, callMinutes: 30, roomMinutes: 20 },
      { day: "2026-03-10", calls: 2, callMinutes: 15.5, roomMinutes: 12 },
      // The previous period: the ten days before, 19–28 February.
      { day: "2026-02-28", calls: 5, callMinutes: 50, roomMinutes: 40 },
      { day: "2026-02-19", calls: 1, callMinutes: 1, roomMinutes: 1 },
      // Outside both.
      { day: "2026-02-18", calls: 100, callMinutes: 100, roomMinutes: 100 },
      { day: "2026-03-11", calls: 100, callMinutes: 100, roomMinutes: 100 },
      // Not totals: the breakdowns never add to the summary.
      { day: "2026-03-05", dimension: "user", key: acme.id, calls: 7, callMinutes: 7 },
    ]);
    // Another company's usage on the same days counts for it alone.
    await replaceUsage(app().db, globex.id, [
      { day: "2026-03-05", calls: 9, callMinutes: 9, roomMinutes: 9 },
    ]);

    const answer = await summary("?from=2026-03-01&to=2026-03-10");
    expect(answer).toMatchObject({
      from: "2026-03-01",
      to: "2026-03-10",
      timeZone,
      totals: { calls: 5, callMinutes: 45.5, roomMinutes: 32 },
      previous: { from: "2026-02-19", to: "2026-02-28", calls: 6, callMinutes: 51, roomMinutes: 41 },
    });
    expect(answer.days.map((d) => d.day)).toEqual([
      "2026-03-01",
      "2026-03-02",
      "2026-03-03",
      "2026-03-04",
      "2026-03-05",
      "2026-03-06",
      "2026-03-07",
      "2026-03-08",
      "2026-03-09",
      "2026-03-10",
    ]);
    expect(answer.days[0]).toEqual({ day: "2026-03-01", calls: 3, callMinutes: 30, roomMinutes: 20 });
    expect(answer.days[4]).toEqual({ day: "2026-03-05", calls: 0, callMinutes: 0, roomMinutes: 0 });
    expect(answer.days[9]).toEqual({ day: "2026-03-10", calls: 2, callMinutes: 15.5, roomMinutes: 12 });

    // Minutes have one decimal: 100 seconds are 1.7 minutes.
    await addUsage(app().db, acme.id, [{ day: "2026-04-01", calls: 1, callMinutes: 100 / 60 }]);
    expect((await summary("?from=2026-04-01&to=2026-04-01")).totals.callMinutes).toBe(1.7);
    // A period without calls is all zeros, every day listed.
    const empty = await summary("?from=2025-06-01&to=2025-06-30");
    expect(empty.totals).toEqual({ calls: 0, callMinutes: 0, roomMinutes: 0 });
    expect(empty.days).toHaveLength(30);
  });

  it("defaults to the last three months ending today in the company's time zone", async () => {
    const { acme, summary, timeZone } = await setup();
    const today = todayIn(timeZone);
    await replaceUsage(app().db, acme.id, [{ day: today, calls: 2, callMinutes: 4, roomMinutes: 3 }]);
    const period = defaultPeriod(today);
    const answer = await summary();
    expect(answer).toMatchObject({ ...period, totals: { calls: 2, callMinutes: 4, roomMinutes: 3 } });
    expect(answer.days).toHaveLength(dayCount(period));
    expect(answer.days.at(-1)?.day).toBe(today);
    // Only an end: the three months up to it. Only a start: up to today.
    expect(await summary("?to=2026-05-31")).toMatchObject({ from: "2026-03-01", to: "2026-05-31" });
    const start = addDaysTo(today, -6);
    const week = await summary(`?from=${start}`);
    expect(week).toMatchObject({ from: start, to: today, totals: { calls: 2 } });
    expect(week.days).toHaveLength(7);
  });

  it("documents every route with the figures' definitions in the OpenAPI document", async () => {
    const doc = (await app().app.inject({ url: "/api/docs/openapi.json" })).json();
    const paths = Object.keys(doc.paths);
    for (const path of [
      "/api/v1/companies/{companyId}/usage",
      "/api/v1/companies/{companyId}/usage.csv",
      "/api/v1/companies/{companyId}/usage/users",
      "/api/v1/companies/{companyId}/usage/vmrs.json",
      "/api/v1/partners/{partnerId}/usage",
      "/api/v1/usage.csv",
    ]) {
      expect(paths).toContain(path);
    }
    const summary = doc.paths["/api/v1/companies/{companyId}/usage"].get;
    expect(summary.description).toContain("Room duration: minutes the company's VMRs were in use");
    expect(summary.description).toContain("each point-to-point (gateway) call once");
  });

  it("exports the days as CSV and the summary as JSON, as downloads", async () => {
    const { acme, alice, base } = await setup();
    await replaceUsage(app().db, acme.id, [
      { day: "2026-03-02", calls: 3, callMinutes: 12.25, roomMinutes: 10 },
    ]);
    const csv = await alice.get(`${base}.csv?from=2026-03-01&to=2026-03-03`);
    expect(csv.statusCode).toBe(200);
    expect(csv.headers["content-type"]).toMatch(/^text\/csv/);
    expect(csv.headers["content-disposition"]).toBe(
      'attachment; filename="usage-acme-2026-03-01-to-2026-03-03.csv"',
    );
    expect(csv.body.startsWith('\uFEFF"Day";"Calls";"Call minutes";"Room minutes"\r\n')).toBe(true);
    expect(csvRows(csv.body)).toEqual([
      ["Day", "Calls", "Call minutes", "Room minutes"],
      ["2026-03-01", "0", "0", "0"],
      ["2026-03-02", "3", "12.3", "10"],
      ["2026-03-03", "0", "0", "0"],
    ]);
    const json = await alice.get(`${base}.json?from=2026-03-01&to=2026-03-03`);
    expect(json.headers["content-type"]).toMatch(/^application\/json/);
    expect(json.headers["content-disposition"]).toContain("usage-acme-2026-03-01-to-2026-03-03.json");
    const summary = JSON.parse(json.body) as Summary;
    expect(summary.totals).toEqual({ calls: 3, callMinutes: 12.3, roomMinutes: 10 });
    expect(summary.days).toHaveLength(3);
  });
});
