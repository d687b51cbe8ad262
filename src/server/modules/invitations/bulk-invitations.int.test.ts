import { request as httpRequest } from "node:http";
import type { AddressInfo } from "node:net";
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { demoCompanies } from "../../../../test/helpers/demo.js";
import { acceptInvitation, rowCounts } from "../../../../test/helpers/tenants.js";
import { useTestApp } from "../../../../test/helpers/test-app.js";
import type { TestClient } from "../../../../test/helpers/test-client.js";
import { testDatabaseKind } from "../../../../test/helpers/test-database.js";
import { accounts, auditEvents, outbox, personalRooms } from "../../db/schema.js";

const CSV = { "content-type": "text/csv" };

/** Five people for Acme (acme.video.example.com) and five rows that cannot be invited. */
const MIXED_FILE = [
  "Full name;email;video address",
  "Erin Evans;erin.evans@acme.example;erin.evans",
  "Frank Fischer;Frank.Fischer@Acme.example;frank.fischer@acme.video.example.com",
  '"Gale, Gina";gina.gale@acme.example;gina.gale',
  "Henry Hall;henry.hall@acme.example;henry.hall",
  "=cmd();formula@acme.example;formula.person",
  "Bad Email;not-an-email;bad.email",
  "Too Short;short@acme.example;ab",
  "Other Domain;other@acme.example;other.domain@globex.example",
  "Erin Again;erin.again@acme.example;erin.evans",
  "Bob Twice;bob.twice@acme.example;bob.baker",
].join("\r\n");

describe(`bulk invite from a CSV file (${testDatabaseKind()})`, () => {
  const app = useTestApp();

  const setup = async () => {
    const demo = await demoCompanies(app());
    const alice = await demo.as("alice.andersen@acme.example");
    const base = `/api/v1/companies/${demo.acme.id}/invitations/bulk`;
    const upload = (path: string, file: string | Buffer, client: TestClient = alice) =>
      client.post(`${base}${path}`, file, CSV);
    const setLicences = async (licences: number) => {
      const paul = await demo.as("paul@northwind.example");
      const response = await paul.request(
        "PATCH",
        `/api/v1/partners/${demo.partnerId}/companies/${demo.acme.id}`,
        {
          licences,
        },
      );
      expect(response.statusCode, response.body).toBe(200);
    };
    return { ...demo, alice, base, upload, setLicences };
  };

  it("previews every row with its normalised values and problems, and writes nothing", async () => {
    const { upload } = await setup();
    const before = await rowCounts(app());
    const response = await upload("/preview", MIXED_FILE);
    expect(response.statusCode, response.body).toBe(200);
    const preview = response.json();
    expect(preview).toMatchObject({
      validCount: 5,
      invalidCount: 5,
      licencesRemaining: 21,
      licencesMissing: 0,
    });
    expect(preview.fileProblems).toEqual([]);
    const byLine = (line: number) => preview.rows.find((row: { line: number }) => row.line === line);
    expect(byLine(3)).toEqual({
      line: 3,
      fullName: "Frank Fischer",
      email: "frank.fischer@acme.example",
      videoAddress: "frank.fischer@acme.video.example.com",
      personalRoomAddress: "frank.fischer.vmr@acme.video.example.com",
      problems: [],
    });
    expect(byLine(4)).toMatchObject({
      fullName: "Gale, Gina",
      videoAddress: "gina.gale@acme.video.example.com",
    });
    const rules = (line: number) =>
      byLine(line).problems.map((p: { field: string; rule: string }) => `${p.field}:${p.rule}`);
    expect(rules(7)).toEqual(["email:invalid"]);
    expect(rules(8)).toContain("videoAddress:too_short");
    expect(rules(9)).toEqual(["videoAddress:domain"]);
    expect(rules(10)).toEqual(["videoAddress:duplicate", "personalRoomAddress:duplicate"]);
    expect(rules(11)).toEqual(["videoAddress:taken", "personalRoomAddress:taken"]);
    expect(await rowCounts(app())).toEqual(before);
  });

  it("gives the rows with problems as a CSV, formula-like cells escaped", async () => {
    const { upload } = await setup();
    const response = await upload("/problems.csv", MIXED_FILE);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers["content-type"]).toContain("text/csv");
    expect(response.headers["content-disposition"]).toContain("invite-problems.csv");
    const lines = response.body
      .replace(/^\uFEFF/, "")
      .trim()
      .split("\r\n");
    expect(lines[0]).toBe('"Full name";"email";"video address";"Line";"Problems"');
    expect(lines).toHaveLength(1 + 5);
    expect(lines.some((line) => line.startsWith('"Bad Email";"not-an-email"'))).toBe(true);
    expect(lines.every((line) => !line.includes("Erin Evans;"))).toBe(true);
  });

  it("invites the valid rows as Members with personal VMRs and queued emails, all in one go", async () => {
    const { upload, acme } = await setup();
    const response = await app()
      .db.select()
      .from(outbox)
      .then(async (mailBefore) => ({ mailBefore, answer: await upload("?expect=5", MIXED_FILE) }));
    expect(response.answer.statusCode, response.answer.body).toBe(201);
    expect(response.answer.json()).toEqual({
      invited: 5,
      skipped: 5,
      licences: { used: 9, total: 25, remaining: 16 },
    });

    const invited = await app()
      .db.select()
      .from(accounts)
      .where(and(eq(accounts.companyId, acme.id), eq(accounts.status, "invited")));
    const frank = invited.find((a) => a.email === "frank.fischer@acme.example");
    expect(frank).toMatchObject({ role: "member", fullName: "Frank Fischer" });
    // The formula-like name is stored as typed: it is escaped where it is exported, not here.
    expect(invited.some((a) => a.fullName === "=cmd()")).toBe(true);
    const [room] = await app()
      .db.select()
      .from(personalRooms)
      .where(eq(personalRooms.accountId, frank?.id ?? ""));
    expect(room).toMatchObject({
      name: "Frank Fischer's room",
      address: "frank.fischer.vmr@acme.video.example.com",
    });

    const mails = await app().db.select().from(outbox);
    expect(mails.length - response.mailBefore.length).toBe(5);
    expect(mails.some((m) => m.toAddress === "gina.gale@acme.example" && m.subject.includes("Acme"))).toBe(
      true,
    );
    const audits = await app().db.select().from(auditEvents).where(eq(auditEvents.companyId, acme.id));
    expect(
      audits.filter((a) => a.action === "account.invited" && a.actorName === "Alice Andersen"),
    ).toHaveLength(5);
    expect(audits.find((a) => a.action === "invitations.bulk_invited")?.after).toEqual({
      invited: 5,
      skipped: 5,
    });

    // The emailed link works like any invitation.
    const gina = await acceptInvitation(app(), "gina.gale@acme.example");
    expect((await gina.get("/api/v1/me")).json()).toMatchObject({ fullName: "Gale, Gina", role: "member" });
  });

  it("invites nobody when the licences do not suffice, and says how many are missing", async () => {
    const { upload, setLicences } = await setup();
    await setLicences(7); // 4 in use, 3 left for 5 people
    const before = await rowCounts(app());
    const preview = (await upload("/preview", MIXED_FILE)).json();
    expect(preview).toMatchObject({ validCount: 5, licencesRemaining: 3, licencesMissing: 2 });
    const response = await upload("", MIXED_FILE);
    expect(response.statusCode, response.body).toBe(409);
    expect(response.json().error).toMatchObject({ code: "LICENCE_LIMIT" });
    expect(response.json().error.message).toContain("2 more are needed");
    expect(await rowCounts(app())).toEqual(before);
  });

  it("invites nobody when the count confirmed no longer matches the file", async () => {
    const { upload } = await setup();
    const before = await rowCounts(app());
    const response = await upload("?expect=6", MIXED_FILE);
    expect(response.statusCode, response.body).toBe(409);
    expect(response.json().error.message).toContain("5 people to invite, not 6");
    expect(await rowCounts(app())).toEqual(before);
  });

  it("sets a host PIN on every new personal VMR while the company asks for it", async () => {
    const { upload, alice, acme } = await setup();
    const settings = await alice.request("PATCH", `/api/v1/companies/${acme.id}/settings`, {
      hostPinOnAllPersonalRooms: true,
    });
    expect(settings.statusCode, settings.body).toBe(200);
    expect(
      (
        await upload(
          "",
          "Ivy Irwin;ivy.irwin@acme.example;ivy.irwin\nJack Jones;jack.jones@acme.example;jack.jones",
        )
      ).statusCode,
    ).toBe(201);
    const rooms = await app()
      .db.select({ address: personalRooms.address, hostPin: personalRooms.hostPin })
      .from(personalRooms)
      .where(eq(personalRooms.companyId, acme.id));
    const newRooms = rooms.filter((r) => /^(ivy|jack)/.test(r.address));
    expect(newRooms).toHaveLength(2);
    for (const room of newRooms) expect(room.hostPin).toMatch(/^\d{4}$/);
  });

  it("says what is wrong with a file that cannot be used, and invites nobody", async () => {
    const { upload } = await setup();
    const before = await rowCounts(app());
    const cases: [string | Buffer, string][] = [
      ["", "The file is empty"],
      ["Full name,email,video address\nErin,erin@acme.example,erin.evans", "uses commas"],
      [Buffer.from("\uFEFFFull name;email\n", "utf16le"), "UTF-16"],
      [Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 13, 1, 2, 3]), "not a text file"],
      ["Full name;email;video address", "only a header row"],
    ];
    for (const [file, message] of cases) {
      const preview = (await upload("/preview", file)).json();
      expect(preview.fileProblems.join(" "), message).toContain(message);
      expect(preview.rows).toEqual([]);
      const response = await upload("", file);
      expect(response.statusCode, message).toBe(400);
      expect(response.json().error.fields.file, message).toContain(message);
    }
    const allBad = await upload("", "Bad Email;not-an-email;bad.email");
    expect(allBad.statusCode).toBe(400);
    expect(allBad.json().error.fields.file).toContain("No row of this file can be invited");
    expect(await rowCounts(app())).toEqual(before);
  });

  it("takes only CSV bodies: JSON is a 415 with a message about the file", async () => {
    const { alice, base } = await setup();
    const response = await alice.post(`${base}/preview`, { rows: [] });
    expect(response.statusCode).toBe(415);
    expect(response.json().error.message).toContain("text/csv");
  });

  it("refuses a 50 MB upload with 413 from its Content-Length, before reading the body", async () => {
    const { alice, base } = await setup();
    await app().app.listen({ port: 0, host: "127.0.0.1" });
    const { port } = app().app.server.address() as AddressInfo;
    const cookie = [...alice.cookies].map(([name, value]) => `${name}=${value}`).join("; ");
    const answer = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = httpRequest(
        {
          host: "127.0.0.1",
          port,
          method: "POST",
          path: `${base}/preview`,
          headers: {
            ...CSV,
            "content-length": String(50 * 1024 * 1024),
            cookie,
            "x-csrf-token": alice.cookies.get("csrf_token") ?? "",
          },
        },
        (res) => {
          let body = "";
          res.on("data", (chunk) => {
            body += chunk;
          });
          res.on("end", () => resolve({ status: res.statusCode ?? 0, body }));
        },
      );
      req.on("error", reject);
      // Only the first bytes are ever sent: the answer must come without the other 50 MB.
      req.write("Full name;email;video address\n");
    });
    expect(answer.status).toBe(413);
    expect(JSON.parse(answer.body).error.message).toContain("larger than 5 MB");
  });

  it("is for signed-in admins of the company only; another company's admin gets 404 and changes nothing", async () => {
    const demo = await setup();
    const before = await rowCounts(app());
    const anonymous = app().client();
    expect((await anonymous.post(`${demo.base}/preview`, MIXED_FILE, CSV)).statusCode).toBe(401);
    const bob = await demo.as("bob.baker@acme.example");
    expect((await demo.upload("", MIXED_FILE, bob)).statusCode).toBe(403);
    const grace = await demo.as("grace@globex.example");
    for (const path of ["/preview", "/problems.csv", ""]) {
      const response = await demo.upload(path, MIXED_FILE, grace);
      expect(response.statusCode, path).toBe(404);
      expect(response.body).not.toContain("erin.evans");
    }
    const noCsrf = await demo.as("alice.andersen@acme.example");
    noCsrf.sendCsrf = false;
    expect((await demo.upload("", MIXED_FILE, noCsrf)).statusCode).toBe(403);
    expect(await rowCounts(app())).toEqual(before);
  });

  it("never lets two admins inviting at once pass the licence count", async () => {
    const { upload, setLicences, acme, seeded, as } = await setup();
    await setLicences(9); // 4 in use, 5 left: room for one of the two files of 4
    const carolEmail = seeded.accounts.find((a) => a.fullName.startsWith("Carol"))?.email ?? "";
    await app().db.update(accounts).set({ role: "admin" }).where(eq(accounts.email, carolEmail));
    const carol = await as(carolEmail);
    const file = (prefix: string) =>
      [1, 2, 3, 4].map((n) => `${prefix} ${n};${prefix}${n}@acme.example;${prefix}.person${n}`).join("\n");
    const answers = await Promise.all([upload("", file("kim")), upload("", file("lee"), carol)]);
    expect(answers.map((a) => a.statusCode).sort()).toEqual([201, 409]);
    const members = await app()
      .db.select({ id: accounts.id })
      .from(accounts)
      .where(eq(accounts.companyId, acme.id));
    expect(members).toHaveLength(4 + 4);
  });
});
