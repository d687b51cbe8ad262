import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseAliasFile, type SimulateCallsOptions, simulationOptions } from "./simulate-calls.js";

const defaults: SimulateCallsOptions = {
  url: "http://localhost:3000",
  nodes: "2",
  calls: "100",
  speed: "1",
  version: "2",
  timeZone: "UTC",
};

describe("confero simulate-calls options", () => {
  it("reads an alias file: one address a line, an optional name, comments and blank lines skipped", () => {
    expect(
      parseAliasFile("\uFEFF# Acme\r\njupiter@acme.example, Jupiter\r\n\r\n  bob@acme.example\n"),
    ).toEqual([{ alias: "jupiter@acme.example", name: "Jupiter" }, { alias: "bob@acme.example" }]);
  });

  it("defaults to a week of history, credentials from the server's variables", () => {
    const options = simulationOptions(
      { ...defaults, companyAlias: "alice@acme.example", seed: "9" },
      {
        POLICY_USERNAME: "infinity",
        POLICY_PASSWORD: "p",
        EVENT_SINK_USERNAME: "events",
        EVENT_SINK_PASSWORD: "s",
      },
    );
    expect(options).toMatchObject({
      mode: { kind: "history", days: 7 },
      nodes: 2,
      calls: 100,
      seed: 9,
      version: 2,
      bulk: false,
      companyAlias: "alice@acme.example",
      policyAuth: { username: "infinity", password: "p" },
      sinkAuth: { username: "events", password: "s" },
    });
  });

  it("runs live with --rate, and takes the addresses from --aliases", () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), "confero-sim-")), "aliases.txt");
    writeFileSync(file, "jupiter@acme.example\n");
    const options = simulationOptions(
      {
        ...defaults,
        aliases: file,
        rate: "6",
        speed: "60",
        bulk: true,
        version: "1",
        sinkUser: "e",
        sinkPassword: "x",
      },
      {},
    );
    expect(options).toMatchObject({
      mode: { kind: "live", ratePerMinute: 6, speed: 60 },
      aliases: [{ alias: "jupiter@acme.example" }],
      bulk: true,
      version: 1,
      policyAuth: null,
      sinkAuth: { username: "e", password: "x" },
    });
  });

  it("names every problem at once", () => {
    expect(() =>
      simulationOptions(
        { ...defaults, days: "3", rate: "2", nodes: "0", version: "3", timeZone: "Mars/Base", sinkUser: "e" },
        {},
      ),
    ).toThrow(
      [
        "Give --days (history) or --rate (live), not both.",
        "Give --aliases FILE or --company-alias ADDRESS: the company whose addresses are called.",
        "--time-zone Mars/Base is not a time zone (e.g. Europe/Oslo).",
        "--version must be a whole number from 1 to 2.",
        "Event sink credentials: give the username and the password, or neither.",
        "--nodes must be a whole number from 1 to 50.",
      ].join("\n"),
    );
  });
});
