import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  normalisePin,
  PIN_FORMAT_MESSAGE,
  PIN_NEEDS_HOST_MESSAGE,
  PIN_SAME_AS_HOST_MESSAGE,
  pinFormatProblem,
  pinProblems,
  pinWarnings,
  randomHostPin,
  samePin,
} from "./pin.js";

const problems = (hostPin?: string | null, guestPin?: string | null) =>
  pinProblems({ hostPin, guestPin }).map((p) => `${p.field}:${p.rule}`);
const warning = (pin: string) => pinWarnings(pin).map((w) => w.rule);

describe("PIN rules", () => {
  it("accepts no PINs at all, and valid host and guest PINs", () => {
    expect(problems()).toEqual([]);
    expect(problems(null, null)).toEqual([]);
    expect(problems("", "  ")).toEqual([]);
    expect(problems("4821")).toEqual([]);
    expect(problems("4821#")).toEqual([]);
    expect(problems("482#")).toEqual([]); // 4 characters including the #
    expect(problems("4821", "9307")).toEqual([]);
    expect(problems("48213957102938475610", "93#")).toEqual(["guestPin:format"]);
    expect(problems("48213957102938475610", "9307#")).toEqual([]);
    expect(problems(" 4821 ")).toEqual([]);
  });

  it("takes 4–20 characters including the #, digits only", () => {
    for (const bad of [
      "123",
      "12#",
      "1".repeat(21),
      `${"1".repeat(20)}#`,
      "12a4",
      "12 34",
      "#1234",
      "12#4",
      "1234##",
      "１２３４",
      "-1234",
      "1.234",
    ]) {
      expect(pinFormatProblem(normalisePin(bad)), bad).toBe(PIN_FORMAT_MESSAGE);
      expect(problems(bad), bad).toEqual(["hostPin:format"]);
    }
    for (const good of ["0000", "1234", "123#", "1".repeat(20), `${"1".repeat(19)}#`]) {
      expect(pinFormatProblem(good), good).toBeNull();
    }
    expect(pinFormatProblem("")).toBeNull();
  });

  it("needs a host PIN for a guest PIN", () => {
    expect(pinProblems({ guestPin: "9307" })).toEqual([
      { field: "guestPin", rule: "needs_host_pin", message: PIN_NEEDS_HOST_MESSAGE },
    ]);
    expect(problems("", "9307")).toEqual(["guestPin:needs_host_pin"]);
    expect(problems(null, "93")).toEqual(["guestPin:format", "guestPin:needs_host_pin"]);
  });

  it("needs the guest PIN to differ from the host PIN, a trailing # making no difference", () => {
    expect(pinProblems({ hostPin: "4821", guestPin: "4821" })).toEqual([
      { field: "guestPin", rule: "same_as_host", message: PIN_SAME_AS_HOST_MESSAGE },
    ]);
    expect(problems("4821#", "4821")).toEqual(["guestPin:same_as_host"]);
    expect(problems("4821", "4821#")).toEqual(["guestPin:same_as_host"]);
    expect(problems("4821", "48210")).toEqual([]);
    expect(samePin("4821#", "4821")).toBe(true);
  });

  it("reports a malformed host PIN beside the host PIN field", () => {
    expect(problems("12", "4821")).toEqual(["hostPin:format"]);
    expect(problems("abcd", "abcd")).toEqual(["hostPin:format", "guestPin:format"]);
  });

  it("uses form-friendly messages", () => {
    expect(PIN_FORMAT_MESSAGE).toBe("Use 4–20 digits, optionally ending in #.");
    expect(PIN_NEEDS_HOST_MESSAGE).toBe("A guest PIN needs a host PIN.");
    expect(PIN_SAME_AS_HOST_MESSAGE).toBe("The guest PIN must differ from the host PIN.");
  });
});

describe("PIN warnings", () => {
  it("warns on trivial PINs", () => {
    for (const pin of ["1111", "0000", "9999#", "77777777"])
      expect(warning(pin), pin).toEqual(["same_digit"]);
    for (const pin of ["1234", "4321", "0123", "9876", "3456789", "12345#"]) {
      expect(warning(pin), pin).toEqual(["sequence"]);
    }
    for (const pin of ["1212", "123123", "4545#"]) expect(warning(pin), pin).toEqual(["repeated_pattern"]);
    for (const pin of ["2580", "1122", "7890"]) expect(warning(pin), pin).toEqual(["common"]);
    expect(pinWarnings("1234")[0]?.message).toMatch(/easy to guess/);
  });

  it("does not warn on ordinary PINs, no PIN or malformed PINs (those are errors instead)", () => {
    for (const pin of ["4821", "1243", "9307#", "135792", "", "12", "abcd"])
      expect(warning(pin), pin).toEqual([]);
  });

  it("never blocks: a trivial PIN has no problems", () => {
    expect(problems("1234", "1111")).toEqual([]);
  });
});

describe("random host PIN", () => {
  it("is 4 digits, passes every rule and raises no warning", () => {
    for (let i = 0; i < 1000; i++) {
      const pin = randomHostPin();
      expect(pin).toMatch(/^[0-9]{4}$/);
      expect(pinProblems({ hostPin: pin })).toEqual([]);
      expect(pinWarnings(pin)).toEqual([]);
    }
  });

  it("covers all 10 digits in each position over 10,000 draws", () => {
    const seen = [new Set<string>(), new Set<string>(), new Set<string>(), new Set<string>()];
    for (let i = 0; i < 10_000; i++) {
      for (const [position, digit] of [...randomHostPin()].entries()) seen[position]?.add(digit);
    }
    for (const digits of seen) expect(digits.size).toBe(10);
  });

  it("draws again instead of folding values past the last full block of 10,000 (no modulo bias)", () => {
    const values = [65_535, 60_000, 64_821, 4_821];
    const fill = (array: Uint16Array) => {
      array.fill(0);
      array.set(values.splice(0, array.length));
      return array;
    };
    // 65535, 60000 and 64821 are ≥ 60,000 and skipped; 4821 is taken as it is.
    expect(randomHostPin(fill)).toBe("4821");
  });

  it("draws again for a trivial PIN and pads with zeros", () => {
    const draws = [[1234, 11_111, 30_042]];
    const fill = (array: Uint16Array) => {
      array.fill(1234);
      array.set(draws.shift() ?? [42]);
      return array;
    };
    expect(randomHostPin(fill)).toBe("0042");
  });
});

describe("PIN properties", () => {
  const pinLike = fc.oneof(
    fc.string(),
    fc.string({ unit: fc.constantFrom(..."0123456789# a".split("")), maxLength: 24 }),
  );

  it("never throws on arbitrary strings", () => {
    fc.assert(
      fc.property(fc.option(fc.string()), fc.option(fc.string()), (hostPin, guestPin) => {
        pinProblems({ hostPin, guestPin });
        pinWarnings(hostPin ?? "");
        pinFormatProblem(guestPin ?? "");
      }),
    );
  });

  it("accepts exactly digits, an optional final #, 4–20 characters", () => {
    fc.assert(
      fc.property(pinLike, (input) => {
        const pin = normalisePin(input);
        const valid = pin.length === 0 || (/^[0-9]+#?$/.test(pin) && pin.length >= 4 && pin.length <= 20);
        expect(pinFormatProblem(pin) === null).toBe(valid);
      }),
      { numRuns: 2000 },
    );
  });

  it("warnings are only ever given for PINs that pass the rules", () => {
    fc.assert(
      fc.property(pinLike, (pin) => {
        if (pinWarnings(pin).length > 0) expect(pinProblems({ hostPin: pin })).toEqual([]);
      }),
      { numRuns: 2000 },
    );
  });
});
