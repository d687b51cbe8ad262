import { describe, expect, it } from "vitest";
import { formatServiceTag, parseServiceTag } from "./service-tag.js";

describe("service tags", () => {
  it("read back what they were made of, and fit Infinity's 250 characters", () => {
    const tag = {
      companyId: "3f2b8c1e-9d4a-4e6b-8a7c-1b2c3d4e5f60",
      kind: "personal_room" as const,
      id: "a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d",
    };
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
