import { describe, expect, it } from "vitest";
import { decodeQuery, HIDDEN, MAX_QUERY_LENGTH, PolicyRequestLog } from "./policy-request-log.js";

const entry = (path: string, query = "", answer: unknown = null) => ({
  atMs: Date.UTC(2025, 0, 2, 3, 4, 5),
  path,
  query,
  status: 200,
  answer,
  durationMs: 1.25,
});

describe("PolicyRequestLog", () => {
  it("keeps the newest entries, newest first, once the ring wraps", () => {
    const log = new PolicyRequestLog(3);
    for (let i = 1; i <= 5; i++) log.record(entry(`/policy/v1/registrations/r${i}@x.y`));
    const found = log.search({});
    expect(found.map((e) => e.id)).toEqual([5, 4, 3]);
    expect(found.map((e) => e.path)).toEqual([
      "/policy/v1/registrations/r5@x.y",
      "/policy/v1/registrations/r4@x.y",
      "/policy/v1/registrations/r3@x.y",
    ]);
    const { atMs: _, ...fifth } = entry("/policy/v1/registrations/r5@x.y");
    expect(found[0]).toEqual({ id: 5, at: "2025-01-02T03:04:05.000Z", ...fifth });
    expect(log.search({ limit: 2 }).map((e) => e.id)).toEqual([5, 4]);
    expect(new PolicyRequestLog(3).search({})).toEqual([]);
  });

  it("limits to 1..capacity and defaults to 100", () => {
    const log = new PolicyRequestLog(150);
    for (let i = 0; i < 150; i++) log.record(entry("/policy/v1/service/configuration"));
    expect(log.search({})).toHaveLength(100);
    expect(log.search({ limit: 1000 })).toHaveLength(150);
    expect(log.search({ limit: 0 })).toHaveLength(1);
    expect(() => new PolicyRequestLog(0)).toThrow();
  });

  it("hides every password inside result, and leaves the caller's answer alone", () => {
    const log = new PolicyRequestLog();
    const answer = { status: "success", result: { username: "desk", password: "s3cret-SIP" } };
    log.record(entry("/policy/v1/registrations/desk@acme.example", "protocol=sip", answer));
    log.record(
      entry("/policy/v1/registrations", "q=a", {
        status: "success",
        result: [{ username: "", alias: "a@b.c", description: "A", nested: { password: "x" } }],
      }),
    );
    log.record(
      entry("/policy/v1/registrations/open@acme.example", "", {
        status: "success",
        result: { username: "", password: "" },
      }),
    );
    const [open, directory, registration] = log.search({});
    expect(registration?.answer).toEqual({
      status: "success",
      result: { username: "desk", password: HIDDEN },
    });
    expect(answer.result.password).toBe("s3cret-SIP");
    expect(directory?.answer).toEqual({
      status: "success",
      result: [{ username: "", alias: "a@b.c", description: "A", nested: { password: HIDDEN } }],
    });
    // Nothing secret in an empty password: "allow without authentication" stays readable.
    expect(open?.answer).toEqual({ status: "success", result: { username: "", password: "" } });
    expect(JSON.stringify(log.search({}))).not.toContain("s3cret-SIP");
    expect(log.search({ q: "s3cret" })).toEqual([]);
  });

  it("searches the path, the decoded query and the answer, ignoring case", () => {
    const log = new PolicyRequestLog();
    log.record(
      entry(
        "/policy/v1/service/configuration",
        "protocol=sip&local_alias=sip%3AJohn.Doe.vmr%40acme.video.example.com&remote_display_name=Ann+Smith",
        {
          status: "success",
          action: "continue",
          result: { service_type: "conference", name: "John's room" },
        },
      ),
    );
    log.record(
      entry("/policy/v1/registrations/desk@globex.example", "protocol=webrtc", {
        status: "success",
        action: "reject",
        result: {},
      }),
    );
    const ids = (q: string) => log.search({ q }).map((e) => e.id);
    expect(ids("sip:john.doe.vmr@ACME")).toEqual([1]);
    expect(ids("ann smith")).toEqual([1]);
    expect(ids("conference")).toEqual([1]);
    expect(ids("GLOBEX")).toEqual([2]);
    expect(ids('"action":"reject"')).toEqual([2]);
    expect(ids("policy/v1")).toEqual([2, 1]);
    expect(ids("  ")).toEqual([2, 1]);
    expect(ids("nothing like this")).toEqual([]);
  });

  it("cuts the query at 2,000 characters", () => {
    const log = new PolicyRequestLog();
    log.record(entry("/policy/v1/service/configuration", `q=${"a".repeat(5000)}`));
    expect(log.search({})[0]?.query).toHaveLength(MAX_QUERY_LENGTH);
  });

  it("decodes queries with malformed escapes without throwing", () => {
    expect(decodeQuery("a=%41%4")).toBe("a=A%4");
    expect(decodeQuery("q=ali+jo&x=%E2%82%AC")).toBe("q=ali jo&x=€");
    expect(decodeQuery("")).toBe("");
  });
});
