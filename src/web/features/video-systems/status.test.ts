import { describe, expect, it } from "vitest";
import { relativeTime, statusText } from "./status";

describe("video system status text", () => {
  const now = new Date("2026-11-23T12:00:00Z");

  it("says how long ago a registered system was last seen", () => {
    expect(statusText({ status: "registered", registeredAt: "2026-11-23T11:55:00Z" }, now)).toBe(
      "Registered (last seen 5 minutes ago)",
    );
    expect(relativeTime("2026-11-22T12:00:00Z", now)).toBe("yesterday");
    expect(relativeTime("2026-11-23T11:59:50Z", now)).toBe("just now");
  });

  it("names the other states", () => {
    expect(statusText({ status: "activated", registeredAt: null })).toBe("Activated");
    expect(statusText({ status: "not_activated", registeredAt: null })).toBe("Not activated");
  });
});
