import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  type CompanyVideoDomains,
  isValidVideoAddress,
  normaliseVideoAddress,
  personalRoomAddress,
  splitVideoAddress,
  videoAddressProblems,
} from "./video-address.js";

const acme: CompanyVideoDomains = {
  domains: ["acme.video.example.com", "video.example.com"],
  hostedDomains: [],
};
const hosted: CompanyVideoDomains = { domains: ["globex.example"], hostedDomains: ["globex.example"] };
const rules = (address: string, company = acme) =>
  videoAddressProblems(normaliseVideoAddress(address), company).map((p) => p.rule);

describe("video address rules", () => {
  it("accepts valid addresses and converts capitals instead of rejecting them", () => {
    expect(rules("john.doe@acme.video.example.com")).toEqual([]);
    expect(normaliseVideoAddress("  John.Doe@ACME.video.example.com ")).toBe(
      "john.doe@acme.video.example.com",
    );
    expect(rules("Johann.Smith.Acme@Video.Example.com")).toEqual([]);
    expect(rules("a_b-c.d9@acme.video.example.com")).toEqual([]);
  });

  it("names each broken rule", () => {
    expect(rules("")).toEqual(["required"]);
    expect(rules("john.doe")).toEqual(["one_at_sign"]);
    expect(rules("a@b@acme.video.example.com")).toEqual(["one_at_sign"]);
    expect(rules("john doe@acme.video.example.com")).toEqual(["characters"]);
    expect(rules("jöhn.doe@acme.video.example.com")).toEqual(["characters"]);
    expect(rules("1john.doe@acme.video.example.com")).toEqual(["first_character"]);
    expect(rules(".johndoe@acme.video.example.com")).toEqual(["first_character"]);
    expect(rules("-johndoe@acme.video.example.com")).toEqual(["first_character"]);
    expect(rules("_johndoe@acme.video.example.com")).toEqual(["first_character"]);
    expect(rules("john@acme.video.example.com")).toEqual(["too_short"]);
    expect(rules(`${"a".repeat(65)}@acme.video.example.com`)).toEqual(["too_long"]);
    expect(rules(`${"a".repeat(64)}@acme.video.example.com`)).toEqual([]);
    expect(rules("john.doe@other.example.com")).toEqual(["domain"]);
    expect(rules("@acme.video.example.com")).toEqual(["required"]);
  });

  it("waives the six-character minimum on hosted domains only", () => {
    expect(rules("bob@globex.example", hosted)).toEqual([]);
    expect(rules("bob@acme.video.example.com")).toEqual(["too_short"]);
  });

  it("explains every problem with a message", () => {
    const problems = videoAddressProblems("1 b@elsewhere.example", acme);
    expect(problems.map((p) => p.rule)).toEqual(["characters", "first_character", "too_short", "domain"]);
    expect(problems.find((p) => p.rule === "domain")?.message).toContain("acme.video.example.com");
  });

  it("derives the personal VMR address from the member's address and the suffix", () => {
    expect(personalRoomAddress("john.doe@acme.video.example.com", ".vmr")).toBe(
      "john.doe.vmr@acme.video.example.com",
    );
    expect(personalRoomAddress("not-an-address", ".vmr")).toBeNull();
  });
});

describe("video address properties", () => {
  const addressChars = fc.constantFrom(..."abcxyz019._-@ABZ é".split(""));
  const addressLike = fc.oneof(
    fc.string(),
    fc.string({ unit: addressChars, maxLength: 80 }),
    fc
      .tuple(fc.string({ unit: addressChars, maxLength: 70 }), fc.constantFrom(...acme.domains, "x.example"))
      .map(([local, domain]) => `${local}@${domain}`),
  );

  it("never throws, whatever the input", () => {
    fc.assert(
      fc.property(fc.string(), (input) => {
        videoAddressProblems(normaliseVideoAddress(input), acme);
        videoAddressProblems(input, hosted);
        splitVideoAddress(input);
        personalRoomAddress(input, ".vmr");
      }),
    );
  });

  it("normalising is idempotent", () => {
    fc.assert(
      fc.property(addressLike, (input) => {
        const once = normaliseVideoAddress(input);
        expect(normaliseVideoAddress(once)).toBe(once);
      }),
    );
  });

  it("everything accepted round-trips unchanged through normalise and split", () => {
    fc.assert(
      fc.property(addressLike, (input) => {
        const address = normaliseVideoAddress(input);
        if (!isValidVideoAddress(address, acme)) return;
        expect(normaliseVideoAddress(address)).toBe(address);
        const parts = splitVideoAddress(address);
        expect(parts && `${parts.local}@${parts.domain}`).toBe(address);
        expect(acme.domains).toContain(parts?.domain);
        // Its personal VMR address is valid too, while the suffix still fits within 64 characters.
        if ((parts?.local.length ?? 0) + ".vmr".length <= 64) {
          expect(isValidVideoAddress(personalRoomAddress(address, ".vmr") ?? "", acme)).toBe(true);
        }
      }),
      { numRuns: 2000 },
    );
  });
});
