import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { formatServiceTag, parseServiceTag } from "./service-tag.js";

describe("service tags", () => {
  it("read back what they were made of, and fit Infinity's 250 characters", () => {
    const tag = { companyId: randomUUID(), kind: "personal_room" as const, id: randomUUID() };
    const text = formatServiceTag(tag);
    expect(text.length).toBeLessThanOrEqual(250);
    expect(parseServiceTag(text)).toEqual(tag);
  });

  it.each([
    "",
    "meet.qa",
    "confero:v1:",
    "confero:v2:00000000-0000-4000-8000-000000000000:team_room:00000000-0000-4000-8000-000000000000",
    "confero:v1:00000000-0000-4000-8000-000000000000:lobby:00000000-0000-4000-8000-000000000000",
    "confero:v1:not-a-uuid:team_room:00000000-0000-4000-8000-000000000000",
    "confero:v1:00000000-0000-4000-8000-000000000000:team_room:00000000-0000-4000-8000-000000000000:x",
  ])("%j is not one of ours", (raw) => {
    expect(parseServiceTag(raw)).toBeNull();
  });
});
