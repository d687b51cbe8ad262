import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { demoCompanies } from "../../../../test/helpers/demo.js";
import { createCompany, createPartner } from "../../../../test/helpers/tenants.js";
import { useTestApp } from "../../../../test/helpers/test-app.js";
import { replaceUsage } from "../../../../test/helpers/usage-rows.js";

interface Item {
  companyId: string;
  companyName: string;
  partnerId: string;
  partnerName: string;
  calls: number;
  callMinutes: number;
  roomMinutes: number;
}
interface Page {
  from: string;
  to: string;
  totals: { calls: number; callMinutes: number; roomMinutes: number };
  items: Item[];
  total: number;
  page: number;
  pageSize: number;
}

const PERIOD = "from=2026-03-01&to=2026-03-31";
const csvRows = (body: string) => parse(body.replace(/^\uFEFF/, ""), { delimiter: ";" }) as string[][];

describe("usage per company: a partner's customers and every company", () => {
  const app = useTestApp();

  /** Northwind's Acme and Globex, and a third company of another partner, each with March usage. */
  const setup = async () => {
    const demo = await demoCompanies(app());
    const paul = await demo.as("paul@northwind.example");
    const other = await createPartner(app(), demo.operator, "Other Partners");
    const initech = await createCompany(app(), other.admin, other.id, "initech");
    await replaceUsage(app().db, demo.acme.id, [
      { day: "2026-03-01", calls: 10, callMinutes: 100, roomMinutes: 80 },
      { day: "2026-03-31", calls: 5, callMinutes: 50, roomMinutes: 40 },
      { day: "2026-04-01", calls: 99, callMinutes: 99, roomMinutes: 99 },
      // Breakdown rows never add to the totals.
      { day: "2026-03-01", dimension: "user", key: demo.acme.id, calls: 77, callMinutes: 77 },
    ]);
    await replaceUsage(app().db, demo.globex.id, [
      { day: "2026-03-10", calls: 2, callMinutes: 30, roomMinutes: 20 },
    ]);
    await replaceUsage(app().db, initech.id, [
      { day: "2026-03-10", calls: 1000, callMinutes: 1000, roomMinutes: 1000 },
    ]);
    const get = async (client: typeof paul, url: string) => {
      const response = await client.get(url);
      expect(response.statusCode, response.body).toBe(200);
      return response;
    };
    return { ...demo, paul, other, initech, get };
  };

  it("shows a partner's admins their customer companies only, with totals, sorted and paged", async () => {
    const { paul, partnerId, acme, globex, get } = await setup();
    const page = (await get(paul, `/api/v1/partners/${partnerId}/usage?${PERIOD}`)).json() as Page;
    expect(page).toMatchObject({
      from: "2026-03-01",
      to: "2026-03-31",
      totals: { calls: 17, callMinutes: 180, roomMinutes: 140 },
      total: 2,
      page: 1,
      pageSize: 20,
    });
    // By name by default.
    expect(page.items).toEqual([
      {
        companyId: acme.id,
        companyName: "Acme",
        partnerId,
        partnerName: "Northwind Partners",
        calls: 15,
        callMinutes: 150,
        roomMinutes: 120,
      },
      expect.objectContaining({ companyId: globex.id, calls: 2, callMinutes: 30, roomMinutes: 20 }),
    ]);
    const second = (
      await get(paul, `/api/v1/partners/${partnerId}/usage?${PERIOD}&sort=calls&pageSize=1&page=2`)
    ).json();
    expect(second).toMatchObject({ total: 2, totals: { calls: 17 }, items: [{ companyId: acme.id }] });
    // Past the last page the totals are still there.
    const beyond = (await get(paul, `/api/v1/partners/${partnerId}/usage?${PERIOD}&page=5`)).json();
    expect(beyond).toMatchObject({ items: [], total: 2, totals: { calls: 17, callMinutes: 180 } });
    // A company without usage in the period is listed with zeros.
    const april = (
      await get(paul, `/api/v1/partners/${partnerId}/usage?from=2026-04-01&to=2026-04-30`)
    ).json();
    expect(april.items).toEqual([
      expect.objectContaining({ companyName: "Acme", calls: 99 }),
      expect.objectContaining({ companyName: "Globex", calls: 0, callMinutes: 0, roomMinutes: 0 }),
    ]);

    const csv = await get(paul, `/api/v1/partners/${partnerId}/usage.csv?${PERIOD}&sort=-minutes`);
    expect(csv.headers["content-disposition"]).toBe(
      'attachment; filename="usage-northwind-partners-2026-03-01-to-2026-03-31.csv"',
    );
    expect(csvRows(csv.body)).toEqual([
      ["Company", "Partner", "Calls", "Call minutes", "Room minutes", "Company id"],
      ["Acme", "Northwind Partners", "15", "150", "120", acme.id],
      ["Globex", "Northwind Partners", "2", "30", "20", globex.id],
    ]);
    expect(csv.body).not.toContain("Initech");
  });

  it("shows operators every company, and any partner's customers", async () => {
    const { operator, partnerId, other, initech, get } = await setup();
    const all = (await get(operator, `/api/v1/usage?${PERIOD}&sort=-calls`)).json() as Page;
    expect(all).toMatchObject({ total: 3, totals: { calls: 1017, callMinutes: 1180, roomMinutes: 1140 } });
    expect(all.items.map((i) => [i.companyName, i.partnerName, i.calls])).toEqual([
      ["Initech Inc", "Other Partners", 1000],
      ["Acme", "Northwind Partners", 15],
      ["Globex", "Northwind Partners", 2],
    ]);
    const theirs = (await get(operator, `/api/v1/partners/${other.id}/usage?${PERIOD}`)).json() as Page;
    expect(theirs.items.map((i) => i.companyId)).toEqual([initech.id]);
    const northwind = (await get(operator, `/api/v1/partners/${partnerId}/usage?${PERIOD}`)).json() as Page;
    expect(northwind.total).toBe(2);

    const json = await get(operator, `/api/v1/usage.json?${PERIOD}`);
    expect(json.headers["content-disposition"]).toBe(
      'attachment; filename="usage-all-companies-2026-03-01-to-2026-03-31.json"',
    );
    const file = JSON.parse(json.body) as { totals: Page["totals"]; items: Item[] };
    expect(file.totals.calls).toBe(1017);
    expect(file.items.map((i) => i.companyName)).toEqual(["Acme", "Globex", "Initech Inc"]);
    const csv = await get(operator, `/api/v1/usage.csv?${PERIOD}`);
    expect(csvRows(csv.body)).toHaveLength(4);
  });
});
