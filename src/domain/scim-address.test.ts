import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { baseLocalPart, candidateAddress, candidateAddresses } from "./scim-address.js";
import { personalRoomAddress, videoAddressProblems } from "./video-address.js";

const subdomain = { domain: "acme.video.example.com", hostedDomain: false, vmrSuffix: ".vmr" };
const hosted = { domain: "acme.example", hostedDomain: true, vmrSuffix: ".meet" };
const rulesFor = (r: typeof subdomain) => ({
  domains: [r.domain],
  hostedDomains: r.hostedDomain ? [r.domain] : [],
});

describe("video addresses derived from a SCIM userName", () => {
  it("lowercases, folds accents and drops what the address rules do not allow", () => {
    expect(candidateAddress(baseLocalPart("Jane.Doe@Corp.example", subdomain), 1, subdomain)).toBe(
      "jane.doe@acme.video.example.com",
    );
    expect(baseLocalPart("Zoë O'Brien+video@corp.example", subdomain)).toBe("zoeobrienvideo");
    expect(baseLocalPart("_42.jane@corp.example", subdomain)).toBe("jane.user");
  });

  it("pads short names without domain hosting, not on a hosted domain", () => {
    expect(baseLocalPart("jo@corp.example", subdomain)).toBe("jo.user");
    expect(baseLocalPart("jo@corp.example", hosted)).toBe("jo");
    expect(baseLocalPart("!!!@corp.example", subdomain)).toBe("scim.user");
  });

  it("numbers from 2 on a clash: jane.doe, jane.doe2, jane.doe3", () => {
    expect(candidateAddresses("jane.doe@corp.example", subdomain, 1, 3)).toEqual([
      "jane.doe@acme.video.example.com",
      "jane.doe2@acme.video.example.com",
      "jane.doe3@acme.video.example.com",
    ]);
  });

  it("cuts long names so the personal VMR's address fits, numbers included", () => {
    const long = `${"a".repeat(80)}@corp.example`;
    const first = candidateAddress(baseLocalPart(long, subdomain), 1, subdomain);
    const tenth = candidateAddress(baseLocalPart(long, subdomain), 10, subdomain);
    expect(first.split("@")[0]).toHaveLength(60);
    expect(tenth.split("@")[0]).toBe(`${"a".repeat(58)}10`);
  });

  it("always yields valid, stable, distinct addresses whose personal VMR is valid too", () => {
    fc.assert(
      fc.property(
        fc.string({ maxLength: 90 }),
        fc.constantFrom("corp.example", "x.io"),
        fc.constantFrom(subdomain, hosted),
        fc.integer({ min: 1, max: 500 }),
        (local, domain, rules, n) => {
          const userName = `${local}@${domain}`;
          const base = baseLocalPart(userName, rules);
          expect(baseLocalPart(userName, rules)).toBe(base);
          const address = candidateAddress(base, n, rules);
          expect(videoAddressProblems(address, rulesFor(rules))).toEqual([]);
          const room = personalRoomAddress(address, rules.vmrSuffix) ?? "";
          expect(videoAddressProblems(room, rulesFor(rules))).toEqual([]);
          if (n > 1) expect(candidateAddress(base, n - 1, rules)).not.toBe(address);
        },
      ),
      { numRuns: 500 },
    );
  });
});
