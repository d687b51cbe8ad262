import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { normaliseAuthType, normaliseInfinityAlias, resolveInfinityAlias } from "./infinity-alias.js";

const address = (value: string) => ({ kind: "address", address: value });

describe("normaliseInfinityAlias", () => {
  it.each([
    ["alice.vmr@acme.video.example.com", "alice.vmr@acme.video.example.com"],
    ["sip:alice.vmr@acme.video.example.com", "alice.vmr@acme.video.example.com"],
    ["sips:alice@acme.example.com;transport=tls", "alice@acme.example.com"],
    ["SIP:Alice.VMR@Acme.Video.Example.com:5061", "alice.vmr@acme.video.example.com"],
    ["h323:alice@acme.example.com", "alice@acme.example.com"],
    ["sip:alice@acme.example.com:5060;transport=tcp;lr", "alice@acme.example.com"],
    ['"Alice" <sip:alice@acme.example.com>', "alice@acme.example.com"],
    ["  alice@acme.example.com  ", "alice@acme.example.com"],
  ])("%s → %s", (raw, expected) => {
    expect(normaliseInfinityAlias(raw)).toEqual(address(expected));
  });

  it("keeps a bare local part as one", () => {
    expect(normaliseInfinityAlias("Meet.Bob")).toEqual({ kind: "local", localPart: "meet.bob" });
    expect(normaliseInfinityAlias("sip:meet.bob")).toEqual({ kind: "local", localPart: "meet.bob" });
  });

  it("reads a local part at the node's IP address (H.323 dialling by IP) as a bare local part", () => {
    expect(normaliseInfinityAlias("meet.qa@10.44.131.22:1720")).toEqual({
      kind: "local",
      localPart: "meet.qa",
    });
    expect(normaliseInfinityAlias("sip:Meet.QA@[2001:db8::1]:5060")).toEqual({
      kind: "local",
      localPart: "meet.qa",
    });
  });

  it.each(["", "   ", "sip:", "@", "a@", "@b.com", "a b@c.com", "a@b@c", "x@-bad.com", "x".repeat(400)])(
    "refuses %j",
    (raw) => {
      expect(normaliseInfinityAlias(raw)).toBeNull();
    },
  );

  it("never throws, and its answer is already in normal form", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 400 }), (raw) => {
        const result = normaliseInfinityAlias(raw);
        if (result === null) return;
        const value = result.kind === "address" ? result.address : result.localPart;
        expect(value).toBe(value.toLowerCase());
        expect(value).not.toMatch(/[\s;:<>"]/);
        expect(normaliseInfinityAlias(value)).toEqual(result);
      }),
    );
  });

  it("finds the same address whatever form Infinity wraps it in", () => {
    const label = fc.stringMatching(/^[a-z][a-z0-9]{0,9}$/);
    const local = fc.stringMatching(/^[a-z][a-z0-9._-]{0,20}$/);
    fc.assert(
      fc.property(
        local,
        fc.array(label, { minLength: 1, maxLength: 3 }),
        fc.constantFrom("", "sip:", "sips:", "SIP:", "h323:", "H323:"),
        fc.option(fc.integer({ min: 1, max: 65535 }), { nil: undefined }),
        fc.constantFrom("", ";transport=tls", ";transport=TCP;lr"),
        fc.boolean(),
        (name, labels, scheme, port, params, shout) => {
          const stored = `${name}@${labels.join(".")}`;
          let raw = `${scheme}${stored}${port === undefined ? "" : `:${port}`}${params}`;
          if (shout) raw = raw.toUpperCase();
          expect(normaliseInfinityAlias(raw)).toEqual(address(stored));
        },
      ),
    );
  });
});

describe("resolveInfinityAlias", () => {
  it("puts a bare local part in the default domain, and leaves full addresses alone", () => {
    expect(resolveInfinityAlias("meet.bob", "video.example.com")).toBe("meet.bob@video.example.com");
    expect(resolveInfinityAlias("meet.qa@10.44.131.22:1720", "video.example.com")).toBe(
      "meet.qa@video.example.com",
    );
    expect(resolveInfinityAlias("sip:Alice@Acme.Example.com", "video.example.com")).toBe(
      "alice@acme.example.com",
    );
  });

  it("has no address for a bare local part without a default domain, or for nonsense", () => {
    expect(resolveInfinityAlias("meet.bob", null)).toBeNull();
    expect(resolveInfinityAlias("a b c", "video.example.com")).toBeNull();
  });

  it("is idempotent: an answer resolves to itself", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (raw) => {
        const once = resolveInfinityAlias(raw, "video.example.com");
        if (once !== null) expect(resolveInfinityAlias(once, "video.example.com")).toBe(once);
      }),
      { numRuns: 5000 },
    );
  });
});

describe("normaliseAuthType", () => {
  it.each([
    ["sso", "sso"],
    ['"sso"', "sso"],
    ["SSO", "sso"],
    ["credentials", "credentials"],
    ['"credentials"', "credentials"],
    [undefined, "credentials"],
    ["", "credentials"],
    ["weird", "credentials"],
  ])("%j → %s", (raw, expected) => {
    expect(normaliseAuthType(raw)).toBe(expected);
  });
});
