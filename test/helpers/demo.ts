import { eq } from "drizzle-orm";
import { accounts } from "../../src/server/db/schema.js";
import { seedDemo } from "../../src/server/modules/demo/seed-demo.js";
import { completeSetup, signIn } from "./fixtures.js";
import type { TestApp } from "./test-app.js";

/**
 * Setup done (operator Olga signed in) and the demo data: partner Northwind (Paul), Acme (Alice
 * admin, Bob and Carol members, Dave invited) and Globex (Grace admin, Hank member).
 */
export async function demoCompanies(t: TestApp) {
  const operator = await completeSetup(t);
  const seeded = await seedDemo(t.db, {
    sessionSecret: t.config.sessionSecret,
    publicUrl: t.config.publicUrl,
    // These tests count Acme's and Globex's licences and audit events without the demo team rooms
    // and video systems.
    teamRooms: false,
    videoSystems: false,
  });
  const company = (slug: string) => {
    const found = seeded.companies.find((c) => c.slug === slug);
    if (!found) throw new Error(`no ${slug}`);
    return found;
  };
  const account = (email: string) => {
    const found = seeded.accounts.find((a) => a.email === email);
    if (!found) throw new Error(`no ${email}`);
    return found;
  };
  const as = (email: string) => signIn(t, email, account(email).password);
  const idOf = async (email: string) => {
    const [row] = await t.db.select({ id: accounts.id }).from(accounts).where(eq(accounts.email, email));
    if (!row) throw new Error(`no account ${email}`);
    return row.id;
  };
  return {
    operator,
    seeded,
    partnerId: seeded.partners[0]?.id ?? "",
    acme: company("acme"),
    globex: company("globex"),
    as,
    idOf,
  };
}
