import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { askPolicy, infinityCallQuery, policyWorld } from "../../../../test/helpers/policy.js";
import { useTestApp } from "../../../../test/helpers/test-app.js";
import { testDatabaseKind } from "../../../../test/helpers/test-database.js";
import { parseServiceTag } from "../../../domain/service-tag.js";
import { videoAddresses } from "../../db/schema.js";

/** Parameters Infinity sends, and some it may send one day. */
const KEYS = [
  "local_alias",
  "remote_alias",
  "call_direction",
  "service_name",
  "registered",
  "protocol",
  "remote_display_name",
  "location",
  "trigger",
  "unique_service_name",
  "service_tag",
  "future_parameter",
];

/** Every way an alias may arrive around a real address: schemes, case, ports, parameters, names. */
const aliasForm = (addresses: string[]) =>
  fc
    .record({
      address: fc.constantFrom(...addresses),
      scheme: fc.constantFrom("", "sip:", "sips:", "SIP:", "h323:", "tel:"),
      port: fc.constantFrom("", ":5060", ":1720", ":99999"),
      param: fc.constantFrom("", ";transport=tls", ";lr;x=y", "?subject=hi"),
      upper: fc.boolean(),
      display: fc.constantFrom("", '"Alice" ', "Bob "),
      localOnly: fc.boolean(),
    })
    .map(({ address, scheme, port, param, upper, display, localOnly }) => {
      let alias = localOnly ? (address.split("@")[0] ?? "") : address;
      alias = `${scheme}${upper ? alias.toUpperCase() : alias}${port}${param}`;
      return display ? `${display}<${alias}>` : alias;
    });

/** Raw, possibly broken, percent-encoded text. */
const rawValue = fc.oneof(
  fc.string({ maxLength: 40 }).map(encodeURIComponent),
  fc.constantFrom(
    "%E0%A4%A",
    "%FF%FE",
    "%",
    "%%41",
    "%00",
    "True",
    "False",
    "",
    "dial_out",
    "dial_in",
    "non_dial",
  ),
  fc.string({ unit: "binary", maxLength: 30 }).map(encodeURIComponent),
  fc.constant("x".repeat(8 * 1024)),
);

describe(`policy: fuzzed service configuration (${testDatabaseKind()})`, () => {
  const app = useTestApp();

  it("answers 10,000 odd requests with well-formed policy answers, never a 500, never another company's data", async () => {
    const world = await policyWorld(app());
    const registry = await app().db.select().from(videoAddresses);
    const owner = new Map(registry.map((row) => [row.address, row.companyId]));
    const addresses = [...owner.keys(), "nobody@elsewhere.example.org"];
    const value = fc.oneof(rawValue, aliasForm(addresses).map(encodeURIComponent));
    const pair = fc.tuple(fc.constantFrom(...KEYS), value).map(([key, v]) => `${key}=${v}`);
    const query = fc.oneof(
      // Infinity's own request with one field replaced by anything.
      fc
        .tuple(fc.constantFrom(...KEYS), value)
        .map(([key, v]) => `${infinityCallQuery({ [key]: undefined })}&${key}=${v}`),
      // Any parameters, repeated, empty, unknown, in any order.
      fc.array(pair, { maxLength: 12 }).map((pairs) => pairs.join("&")),
      // Keys without values and stray separators.
      fc
        .array(fc.constantFrom(...KEYS, "&", "=", "local_alias", "local_alias="), { maxLength: 8 })
        .map((parts) => parts.join("")),
    );

    await fc.assert(
      fc.asyncProperty(query, async (raw) => {
        const answer = await askPolicy(app(), "/service/configuration", raw);
        expect([200, 404], raw.slice(0, 300)).toContain(answer.statusCode);
        expect(answer.headers["content-type"]).toMatch(/^application\/json/);
        const body = answer.json();
        expect(["success", "fail"]).toContain(body.status);
        expect(typeof body.result).toBe("object");
        if (body.action !== undefined) expect(["continue", "reject"]).toContain(body.action);
        for (const field of Object.values(body.result)) {
          if (typeof field === "string") expect(field.length).toBeLessThanOrEqual(250);
        }
        if (body.result.service_type) {
          // The service belongs to the company that owns its address, whatever else was asked.
          const tag = parseServiceTag(body.result.service_tag);
          expect(tag, raw.slice(0, 300)).not.toBeNull();
          expect(owner.get(body.result.name)).toBe(tag?.companyId);
        }
      }),
      { numRuns: 10_000 },
    );
    // The world is still answered right after the storm.
    const room = await askPolicy(
      app(),
      "/service/configuration",
      infinityCallQuery({ local_alias: world.mia.room }),
    );
    expect(room.json().result.pin).toBe("4821");
  }, 180_000);
});
