import { describe, expect, it } from "vitest";
import {
  normaliseSerialNumber,
  readHeader,
  type VideoSystemCsvContext,
  videoSystemCsvPreview,
  videoSystemCsvRows,
} from "./video-systems-csv.js";

const context: VideoSystemCsvContext = {
  domains: ["acme.video.example.com", "acme.example"],
  hostedDomains: ["acme.example"],
  addressStatus: (address) =>
    address === "board.room@acme.video.example.com"
      ? "subscribed"
      : address === "alice.smith@acme.video.example.com"
        ? "taken"
        : null,
  isSerialTaken: (serial) => serial === "OLD-1",
};

const columnsOf = (header: string) => {
  const read = readHeader(header.split(","));
  if ("problem" in read) throw new Error(read.problem);
  return read.columns;
};

const rowsOf = (header: string, lines: string[]) =>
  videoSystemCsvRows(
    lines.map((line, i) => ({ line: i + 2, cells: line.split(",") })),
    columnsOf(header),
    context,
  );

describe("the bulk video-system header", () => {
  it("takes the three required columns, the optional serial number, in any order and case", () => {
    expect(columnsOf("username,video_domain,display_name")).toEqual({
      username: 0,
      video_domain: 1,
      display_name: 2,
      serial_number: undefined,
    });
    expect(columnsOf(" Display_Name ,serial_number,USERNAME,video_domain")).toMatchObject({
      display_name: 0,
      serial_number: 1,
      username: 2,
    });
  });

  it("names unknown, missing and repeated columns, and a semicolon file", () => {
    const problem = (cells: string[]) => {
      const read = readHeader(cells);
      return "problem" in read ? read.problem : null;
    };
    expect(problem(["username", "video_domain", "display_name", "colour"])).toMatch(
      /Unknown column “colour”/,
    );
    expect(problem(["username", "display_name"])).toMatch(/no “video_domain” column/);
    expect(problem(["username", "username", "video_domain", "display_name"])).toMatch(/appears twice/);
    expect(problem(["username;video_domain;display_name"])).toMatch(/semicolons/);
  });
});

describe("bulk video-system rows", () => {
  const header = "username,video_domain,display_name,serial_number";

  it("normalises a good row into its address", () => {
    const [row] = rowsOf(header, ["Board.Two, ACME.video.example.com , Board two ,  SN-9 "]);
    expect(row).toMatchObject({
      username: "board.two",
      videoDomain: "acme.video.example.com",
      displayName: "Board two",
      serialNumber: "SN-9",
      videoAddress: "board.two@acme.video.example.com",
      problems: [],
    });
  });

  it("applies the address rules: short names only on hosted domains, the company's domains only", () => {
    const rows = rowsOf(header, [
      "tv,acme.example,Short hosted,",
      "tv,acme.video.example.com,Short,",
      "room.x,other.example,Far,",
    ]);
    expect(rows.map((r) => r.problems.map((p) => `${p.field}:${p.rule}`))).toEqual([
      [],
      ["username:too_short"],
      ["videoDomain:domain"],
    ]);
  });

  it("flags required cells, extra cells, duplicates, subscribed and taken addresses and serials", () => {
    const rows = rowsOf(header, [
      ",acme.video.example.com,No name,",
      "room.one,acme.video.example.com,,",
      "room.two,acme.video.example.com,Two,SN-1,extra",
      "room.three,acme.video.example.com,Three,SN-1",
      "room.three,acme.video.example.com,Three again,SN-1",
      "board.room,acme.video.example.com,Board,",
      "alice.smith,acme.video.example.com,Alice's,",
      "room.four,acme.video.example.com,Four,OLD-1",
      "a@b,acme.video.example.com,At,",
    ]);
    expect(rows.map((r) => r.problems.map((p) => `${p.field}:${p.rule}`))).toEqual([
      ["username:required"],
      ["displayName:required"],
      ["row:columns"],
      [],
      ["username:duplicate", "serialNumber:duplicate"],
      ["username:subscribed"],
      ["username:taken"],
      ["serialNumber:subscribed"],
      ["username:one_at_sign"],
    ]);
    expect(rows[4]?.problems[0]?.message).toBe(
      "Line 5 already has the address room.three@acme.video.example.com.",
    );
  });

  it("counts valid rows against the subscriptions left", () => {
    const rows = rowsOf(header, [
      "room.one,acme.video.example.com,One,",
      "room.two,acme.video.example.com,Two,",
      ",x,,",
    ]);
    expect(videoSystemCsvPreview(rows, 1)).toMatchObject({
      validCount: 2,
      invalidCount: 1,
      subscriptionsRemaining: 1,
      subscriptionsMissing: 1,
    });
    expect(videoSystemCsvPreview(rows, -3).subscriptionsRemaining).toBe(0);
  });

  it("stores an empty serial number as none", () => {
    expect(normaliseSerialNumber("  ")).toBeNull();
    expect(normaliseSerialNumber(undefined)).toBeNull();
    expect(normaliseSerialNumber(" A ")).toBe("A");
  });
});
