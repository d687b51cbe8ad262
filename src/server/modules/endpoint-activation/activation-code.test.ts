import { describe, expect, it } from "vitest";
import { ACTIVATION_CODE_ALPHABET, newActivationCode, normaliseActivationCode } from "./activation-code.js";

describe("activation codes", () => {
  it("are 12 unambiguous characters in three groups, different each time", () => {
    const codes = new Set(Array.from({ length: 200 }, () => newActivationCode()));
    expect(codes.size).toBe(200);
    for (const code of codes) {
      expect(code).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/);
      expect(code).not.toMatch(/[01OIL]/);
      expect(normaliseActivationCode(code)).toBe(code);
    }
    expect(ACTIVATION_CODE_ALPHABET).not.toMatch(/[01OIL]/);
  });

  it("accepts what a person types: any case, spaces, dashes or none", () => {
    expect(normaliseActivationCode("abcd efgh jkmn")).toBe("ABCD-EFGH-JKMN");
    expect(normaliseActivationCode(" ABCDEFGHJKMN ")).toBe("ABCD-EFGH-JKMN");
    expect(normaliseActivationCode("ab-cdef-ghjk-mn")).toBe("ABCD-EFGH-JKMN");
  });

  it.each(["", "ABCD-EFGH-JKM", "ABCD-EFGH-JKMNP", "ABCD-EFGH-JKM0", "ABCD-EFGH-JKMI", "ABCD-EFGH-JKM!"])(
    "refuses %j",
    (typed) => {
      expect(normaliseActivationCode(typed)).toBeNull();
    },
  );
});
