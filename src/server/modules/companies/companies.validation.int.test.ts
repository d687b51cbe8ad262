import { describe, expect, it } from "vitest";
import { completeSetup } from "../../../../test/helpers/fixtures.js";
import { companyBody, createPartner, rowCounts, type TestPartner } from "../../../../test/helpers/tenants.js";
import { type TestApp, useTestApp } from "../../../../test/helpers/test-app.js";
import type { TestClient } from "../../../../test/helpers/test-client.js";

/** Every refused company creation answers with the field at fault and writes nothing at all. */
describe("creating a company: bad input", () => {
  const app = useTestApp();
  let partner: TestPartner;
  let operator: TestClient;

  const setUp = async () => {
    operator = await completeSetup(app());
    partner = await createPartner(app(), operator, "Alpha Partners");
  };
  const create = (body: unknown, client: TestClient = partner.admin, partnerId = partner.id) =>
    client.post(`/api/v1/partners/${partnerId}/companies`, body);
  const refused = async (t: TestApp, body: unknown, status: number, fields: Record<string, unknown>) => {
    const before = await rowCounts(t);
    const response = await create(body);
    expect(response.statusCode, response.body).toBe(status);
    expect(response.json().error.fields).toEqual(fields);
    expect(await rowCounts(t)).toEqual(before);
    return response.json().error;
  };
  const anyText = expect.any(String);

  it("checks the shape of every field", async () => {
    await setUp();
    const t = app();
    await refused(t, companyBody("acme", { slug: "Not A Slug!" }), 400, { slug: anyText });
    await refused(t, companyBody("acme", { slug: "-acme" }), 400, { slug: anyText });
    await refused(t, companyBody("acme", { licences: 0 }), 400, { licences: "Use at least 1." });
    await refused(t, companyBody("acme", { licences: 2.5 }), 400, { licences: "Use a whole number." });
    await refused(t, companyBody("acme", { endpointSubscriptions: -1 }), 400, {
      endpointSubscriptions: "Use at least 0.",
    });
    await refused(t, companyBody("acme", { vmrSuffix: "vmr" }), 400, { vmrSuffix: anyText });
    await refused(t, companyBody("acme", { timeZone: "Mars/Olympus_Mons" }), 400, {
      timeZone: "Choose a time zone from the list, for example Europe/Oslo.",
    });
    await refused(t, companyBody("acme", { status: "gold" }), 400, { status: anyText });
    await refused(t, { ...companyBody("acme"), isFree: true }, 400, { isFree: "Unknown field." });
    await refused(
      t,
      companyBody("acme", {
        firstAdmin: { fullName: "A", email: "not-an-email", videoAddress: "alice.admin" },
      }),
      400,
      { "firstAdmin.email": "Enter a valid email address." },
    );
  });

  it("checks hosted domains", async () => {
    await setUp();
    const t = app();
    const hosted = (hostedDomains: unknown, extra = {}) =>
      companyBody("globex", { domainSetup: "hosted", hostedDomains, ...extra });
    await refused(t, hosted(["not a domain"]), 400, { "hostedDomains.0": anyText });
    await refused(t, hosted(["globex.example", "localhost"]), 400, { "hostedDomains.1": anyText });
    await refused(t, hosted([]), 400, { hostedDomains: "Add at least one domain for domain hosting." });
    await refused(t, hosted(["Video.Example.com"]), 400, {
      "hostedDomains.0": expect.stringContaining("service domain video.example.com"),
    });
    await refused(t, hosted(["globex.video.example.com"]), 400, { "hostedDomains.0": anyText });
    await refused(t, hosted(["globex.example", "GLOBEX.example"]), 400, {
      "hostedDomains.1": "This domain is listed twice.",
    });
    await refused(t, companyBody("acme", { hostedDomains: ["acme.example"] }), 400, {
      hostedDomains: "Only companies with domain hosting have hosted domains.",
    });
  });

  it("checks the first admin's address on the company's domains", async () => {
    await setUp();
    const t = app();
    const withAddress = (videoAddress: string, extra = {}) =>
      companyBody("acme", {
        ...extra,
        firstAdmin: { fullName: "Al", email: "al@acme.example", videoAddress },
      });
    const short = await refused(t, withAddress("al"), 400, {
      "firstAdmin.videoAddress": expect.stringContaining("at least 6 characters"),
    });
    expect(short.code).toBe("VALIDATION_FAILED");
    await refused(t, withAddress("alice.admin@elsewhere.example"), 400, {
      "firstAdmin.videoAddress": expect.stringContaining("acme.video.example.com"),
    });
    await refused(t, withAddress("1alice"), 400, { "firstAdmin.videoAddress": anyText });
    await refused(t, withAddress(`${"a".repeat(62)}`), 400, {
      "firstAdmin.videoAddress": expect.stringContaining("personal room address"),
    });
    // The same short address is fine on a hosted domain.
    const hosted = await create(
      withAddress("al", { domainSetup: "hosted", hostedDomains: ["acme.example"] }),
    );
    expect(hosted.statusCode).toBe(201);
  });

  it("answers 409 naming the field for a taken slug, domain, email or address", async () => {
    await setUp();
    const t = app();
    const other = await createPartner(t, operator, "Beta Partners");
    expect((await create(companyBody("acme"))).statusCode).toBe(201);
    expect(
      (
        await create(
          companyBody("globex", { domainSetup: "hosted", hostedDomains: ["globex.example"] }),
          other.admin,
          other.id,
        )
      ).statusCode,
    ).toBe(201);

    await refused(t, companyBody("acme", { firstAdmin: fresh("slug") }), 409, {
      slug: "Another company already uses this slug.",
    });
    // The same partner's hosted domain, then another partner's.
    const hostA = companyBody("hosta", { domainSetup: "hosted", hostedDomains: ["hosta.example"] });
    expect((await create(hostA)).statusCode).toBe(201);
    await refused(t, companyBody("hostb", { domainSetup: "hosted", hostedDomains: ["HostA.example"] }), 409, {
      "hostedDomains.0": "Another company already uses this domain.",
    });
    await refused(
      t,
      companyBody("globex2", { domainSetup: "hosted", hostedDomains: ["g2.example", "globex.example"] }),
      409,
      {
        "hostedDomains.1": "Another company already uses this domain.",
      },
    );
    await refused(
      t,
      companyBody("initech", {
        firstAdmin: { ...fresh("init1"), videoAddress: "admin.acme@acme.video.example.com" },
      }),
      400,
      {
        "firstAdmin.videoAddress": expect.stringContaining("initech.video.example.com"),
      },
    );
    await refused(
      t,
      companyBody("initech", {
        domainSetup: "hosted",
        hostedDomains: ["initech.example"],
        firstAdmin: { ...fresh("init2"), email: "admin@acme.example", videoAddress: "ina" },
      }),
      409,
      { "firstAdmin.email": "An account with this email already exists." },
    );
    // An address taken by a company on the service root (same domain for everyone there).
    expect(
      (
        await create(
          companyBody("root1", {
            domainSetup: "service_root",
            firstAdmin: { ...fresh("r1"), videoAddress: "shared.name" },
          }),
        )
      ).statusCode,
    ).toBe(201);
    await refused(
      t,
      companyBody("root2", {
        domainSetup: "service_root",
        firstAdmin: { ...fresh("r2"), videoAddress: "shared.name" },
      }),
      409,
      { "firstAdmin.videoAddress": "This video address is already taken." },
    );
    // A free member address whose personal room address is someone else's member address.
    expect(
      (
        await create(
          companyBody("root3", {
            domainSetup: "service_root",
            firstAdmin: { ...fresh("r3"), videoAddress: "single.vmr" },
          }),
        )
      ).statusCode,
    ).toBe(201);
    await refused(
      t,
      companyBody("root4", {
        domainSetup: "service_root",
        firstAdmin: { ...fresh("r4"), videoAddress: "single" },
      }),
      409,
      {
        "firstAdmin.videoAddress": expect.stringContaining(
          "personal room address single.vmr@video.example.com",
        ),
      },
    );
  });
});

/** A first admin nobody has used yet. */
function fresh(key: string) {
  return {
    fullName: `Fresh ${key}`,
    email: `fresh.${key}@people.example`,
    videoAddress: `fresh.${key}.person`,
  };
}
