import { describe, expect, it } from "vitest";
import { type ConfigError, loadConfig } from "../../config.js";

const base = { SESSION_SECRET: "a-session-secret-of-at-least-32-chars", DATA_DIR: "/nonexistent" };

describe("EVENT_SINK_USERNAME / EVENT_SINK_PASSWORD", () => {
  it("are read as a pair, like the policy credentials", () => {
    expect(loadConfig(base).eventSinkCredentials).toBeNull();
    const config = loadConfig({ ...base, EVENT_SINK_USERNAME: "events", EVENT_SINK_PASSWORD: "sink-pass" });
    expect(config.eventSinkCredentials).toEqual({ username: "events", password: "sink-pass" });
  });

  it("go together: one without the other is refused", () => {
    try {
      loadConfig({ ...base, EVENT_SINK_PASSWORD: "sink-pass" });
      expect.unreachable();
    } catch (error) {
      expect((error as ConfigError).problems).toEqual([
        "EVENT_SINK_USERNAME and EVENT_SINK_PASSWORD go together: set both or neither.",
      ]);
    }
  });
});
