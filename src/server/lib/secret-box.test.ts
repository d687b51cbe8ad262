import { describe, expect, it } from "vitest";
import { SecretBox } from "./secret-box.js";

const SECRET = "a-session-secret-of-at-least-32-chars!";

describe("SecretBox", () => {
  it("opens what it sealed, and seals the same text differently each time", () => {
    const box = new SecretBox(SECRET, "sip-password");
    const a = box.seal("Tr0ub4dor&3 — ünïcode");
    const b = box.seal("Tr0ub4dor&3 — ünïcode");
    expect(a).not.toBe(b);
    expect(a).not.toContain("Tr0ub4dor");
    expect(box.open(a)).toBe("Tr0ub4dor&3 — ünïcode");
    expect(box.open(b)).toBe("Tr0ub4dor&3 — ünïcode");
  });

  it("cannot be opened with another secret or for another purpose", () => {
    const sealed = new SecretBox(SECRET, "sip-password").seal("hunter2");
    expect(new SecretBox(`${SECRET}x`, "sip-password").open(sealed)).toBeNull();
    expect(new SecretBox(SECRET, "something-else").open(sealed)).toBeNull();
  });

  it("refuses tampered or malformed text instead of returning garbage", () => {
    const box = new SecretBox(SECRET, "sip-password");
    const sealed = box.seal("hunter2");
    const [v, iv, tag, body] = sealed.split(".") as [string, string, string, string];
    const flip = (text: string) => `${text[0] === "A" ? "B" : "A"}${text.slice(1)}`;
    expect(box.open([v, iv, tag, flip(body)].join("."))).toBeNull();
    expect(box.open([v, iv, flip(tag), body].join("."))).toBeNull();
    expect(box.open([v, flip(iv), tag, body].join("."))).toBeNull();
    expect(box.open(["v2", iv, tag, body].join("."))).toBeNull();
    expect(box.open("")).toBeNull();
    expect(box.open("v1.x.y")).toBeNull();
    expect(box.open(`${sealed}.extra`)).toBeNull();
  });
});
