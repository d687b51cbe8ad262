import { parse } from "csv-parse/sync";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { BulkInviteContext, BulkInvitePreview } from "../../../domain/bulk-invite.js";
import { FILE_PROBLEMS, previewBulkInviteCsv, problemsCsv } from "./bulk-invite-csv.js";

const DOMAIN = "acme.video.example.com";

function company(overrides: Partial<BulkInviteContext> = {}): BulkInviteContext {
  const takenAddresses = new Set([
    "taken.user@acme.video.example.com",
    "room.taken.vmr@acme.video.example.com",
  ]);
  const takenEmails = new Set(["member@acme.example"]);
  return {
    videoDomains: [DOMAIN, "video.example.com"],
    hostedDomains: [],
    vmrSuffix: ".vmr",
    licencesRemaining: 100,
    isAddressTaken: (address) => takenAddresses.has(address),
    isEmailTaken: (email) => takenEmails.has(email),
    ...overrides,
  };
}

const REFERENCE = [
  "Full name;email;video address",
  "Johann Smith;johann.smith@acme.example;johann.smith",
  "David Jones;David.Jones@ACME.example;david.jones@acme.video.example.com",
  "Maria García;maria.garcia@acme.example;Maria.Garcia.Acme@Video.Example.com",
  "",
].join("\n");

const bytes = (text: string) => Buffer.from(text, "utf8");
const preview = (text: string | Uint8Array, context = company()) =>
  previewBulkInviteCsv(typeof text === "string" ? bytes(text) : text, context);
/** Each row as `line: problem rules`, for compact expectations. */
const summary = (result: BulkInvitePreview) =>
  result.rows.map((row) => `${row.line}:${row.problems.map((p) => `${p.field}.${p.rule}`).join(",")}`);
const rowProblems = (line: string, context = company()) => {
  const result = preview(line, context);
  expect(result.fileProblems).toEqual([]);
  return result.rows[0]?.problems ?? [];
};
const rules = (line: string, context = company()) =>
  rowProblems(line, context).map((p) => `${p.field}.${p.rule}`);

describe("reading the reference example", () => {
  it("lists every row normalised, with its line, its personal room address and no problems", () => {
    const result = preview(REFERENCE);
    expect(result).toEqual({
      rows: [
        {
          line: 2,
          fullName: "Johann Smith",
          email: "johann.smith@acme.example",
          videoAddress: "johann.smith@acme.video.example.com",
          personalRoomAddress: "johann.smith.vmr@acme.video.example.com",
          problems: [],
        },
        {
          line: 3,
          fullName: "David Jones",
          email: "david.jones@acme.example",
          videoAddress: "david.jones@acme.video.example.com",
          personalRoomAddress: "david.jones.vmr@acme.video.example.com",
          problems: [],
        },
        {
          line: 4,
          fullName: "Maria García",
          email: "maria.garcia@acme.example",
          videoAddress: "maria.garcia.acme@video.example.com",
          personalRoomAddress: "maria.garcia.acme.vmr@video.example.com",
          problems: [],
        },
      ],
      validCount: 3,
      invalidCount: 0,
      fileProblems: [],
      licencesRemaining: 100,
      licencesMissing: 0,
    });
  });

  it("reads the same rows with a BOM, with CRLF, with a lone CR, and with mixed line ends", () => {
    const expected = preview(REFERENCE).rows;
    expect(preview(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), bytes(REFERENCE)])).rows).toEqual(
      expected,
    );
    expect(preview(REFERENCE.replaceAll("\n", "\r\n")).rows).toEqual(expected);
    expect(preview(REFERENCE.replaceAll("\n", "\r")).rows).toEqual(expected);
    const lines = REFERENCE.split("\n");
    expect(preview(`${lines[0]}\r\n${lines[1]}\n${lines[2]}\r${lines[3]}`).rows).toEqual(expected);
  });

  it("reads the file without a header, and with headers spelt differently", () => {
    const withoutHeader = REFERENCE.trim().split("\n").slice(1).join("\n");
    expect(summary(preview(withoutHeader))).toEqual(["1:", "2:", "3:"]);
    for (const header of [
      "FULL NAME;EMAIL;VIDEO ADDRESS",
      "Name;E-mail;Address",
      " full name ; email address ; video_address ",
      "Full name;email;",
    ]) {
      const result = preview(`${header}\n${withoutHeader}`);
      expect(summary(result), header).toEqual(["2:", "3:", "4:"]);
    }
    // Only the first row can be a header.
    expect(summary(preview(`${withoutHeader}\nFull name;email;video address`))).toEqual([
      "1:",
      "2:",
      "3:",
      "4:email.invalid,videoAddress.characters",
    ]);
  });

  it("reads quoted cells with semicolons, quotes and line breaks inside, and keeps line numbers right", () => {
    const text = [
      "Full name;email;video address",
      '"Smith; Johann";"johann.smith@acme.example";"johann.smith"',
      '"Jones, ""Dave""";david.jones@acme.example;david.jones',
      '"Maria',
      'García";maria.garcia@acme.example;maria.garcia',
      "Peter Pan;peter.pan@acme.example;peter.pan",
      ' "Wendy; Darling" ; wendy.darling@acme.example ; "wendy.darling" ',
    ].join("\r\n");
    const result = preview(text);
    expect(result.rows.map((row) => [row.line, row.fullName])).toEqual([
      [2, "Smith; Johann"],
      [3, 'Jones, "Dave"'],
      [4, "Maria\r\nGarcía"],
      [6, "Peter Pan"],
      [7, "Wendy; Darling"],
    ]);
    expect(result.validCount).toBe(5);
  });

  it("ignores blank lines, lines of spaces and rows of empty cells", () => {
    const text =
      "\n\nFull name;email;video address\n\n  \nJohann Smith;johann.smith@acme.example;johann.smith\n;;\n ; ; \n\nDavid Jones;david.jones@acme.example;david.jones\n\n";
    expect(summary(preview(text))).toEqual(["6:", "10:"]);
  });

  it("tolerates empty trailing cells and an Excel sep=; line", () => {
    expect(summary(preview("Johann Smith;johann.smith@acme.example;johann.smith;;\n"))).toEqual(["1:"]);
    expect(
      summary(
        preview("sep=;\nFull name;email;video address\nJohann Smith;johann.smith@acme.example;johann.smith"),
      ),
    ).toEqual(["3:"]);
  });

  it("trims every cell and lowercases email and address", () => {
    const [row] = preview("  Johann Smith  ;  Johann.Smith@ACME.example ; Johann.Smith ").rows;
    expect(row).toMatchObject({
      fullName: "Johann Smith",
      email: "johann.smith@acme.example",
      videoAddress: "johann.smith@acme.video.example.com",
    });
  });
});

describe("row problems", () => {
  it("wrong number of columns", () => {
    expect(rules("Johann Smith;johann.smith@acme.example")).toEqual(["row.columns"]);
    expect(rules("Johann Smith;johann.smith@acme.example;johann.smith;Admin")).toEqual(["row.columns"]);
    expect(rowProblems("Johann Smith;johann.smith@acme.example")[0]?.message).toBe(
      "This row has 2 columns; use 3: Full name;email;video address.",
    );
    const mixed = preview(
      "Johann Smith;johann.smith@acme.example;johann.smith\nDavid Jones,david.jones@acme.example,david.jones",
    );
    expect(summary(mixed)).toEqual(["1:", "2:row.columns"]);
    expect(mixed.rows[1]?.problems[0]?.message).toMatch(/uses commas; separate the columns with semicolons/);
  });

  it("missing or too long name", () => {
    expect(rules(";johann.smith@acme.example;johann.smith")).toEqual(["fullName.required"]);
    expect(rowProblems(" ;johann.smith@acme.example;johann.smith")[0]?.message).toBe("Enter the full name.");
    expect(rules(`${"J".repeat(201)};johann.smith@acme.example;johann.smith`)).toEqual(["fullName.too_long"]);
    expect(rules(`${"J".repeat(200)};johann.smith@acme.example;johann.smith`)).toEqual([]);
  });

  it("missing or invalid email", () => {
    expect(rules("Johann Smith;;johann.smith")).toEqual(["email.required"]);
    expect(rules("Johann Smith;johann.smith;johann.smith")).toEqual(["email.invalid"]);
    expect(rules("Johann Smith;johann smith@acme.example;johann.smith")).toEqual(["email.invalid"]);
    expect(rowProblems("Johann Smith;johann@;johann.smith")[0]?.message).toBe("Enter a valid email address.");
  });

  it("every video address rule, the name part alone getting the company's first domain", () => {
    expect(rules("Johann Smith;johann.smith@acme.example;")).toEqual(["videoAddress.required"]);
    expect(rules("Johann Smith;johann.smith@acme.example;jo.hn")).toEqual(["videoAddress.too_short"]);
    expect(rules("Johann Smith;johann.smith@acme.example;johann.smith@other.example")).toEqual([
      "videoAddress.domain",
    ]);
    expect(rules("Johann Smith;johann.smith@acme.example;jöhann.smith")).toEqual(["videoAddress.characters"]);
    expect(rules("Johann Smith;johann.smith@acme.example;1johann.smith")).toEqual([
      "videoAddress.first_character",
    ]);
    expect(rules("Johann Smith;johann.smith@acme.example;a@b@acme.video.example.com")).toEqual([
      "videoAddress.one_at_sign",
    ]);
    expect(rules(`Johann Smith;johann.smith@acme.example;${"j".repeat(65)}`)).toEqual([
      "videoAddress.too_long",
    ]);
    // Short names are fine on a hosted domain.
    const hosted = company({ videoDomains: ["acme.example"], hostedDomains: ["acme.example"] });
    expect(preview("Bob;bob@acme.example;bob", hosted).rows[0]).toMatchObject({
      videoAddress: "bob@acme.example",
      personalRoomAddress: "bob.vmr@acme.example",
      problems: [],
    });
    // Without any video domain the name part stays as it is, and says why it is refused.
    expect(
      rules("Johann Smith;johann.smith@acme.example;johann.smith", company({ videoDomains: [] })),
    ).toEqual(["videoAddress.one_at_sign"]);
  });

  it("a personal room address that would be too long", () => {
    const problems = rowProblems(`Johann Smith;johann.smith@acme.example;${"j".repeat(61)}`);
    expect(problems.map((p) => `${p.field}.${p.rule}`)).toEqual(["personalRoomAddress.too_long"]);
    expect(problems[0]?.message).toMatch(
      /^The personal room address j+\.vmr@acme\.video\.example\.com would break a rule/,
    );
    expect(rules(`Johann Smith;johann.smith@acme.example;${"j".repeat(60)}`)).toEqual([]);
  });

  it("address, personal room address or email already taken in the service", () => {
    expect(rules("Taken User;taken.user@acme.example;taken.user")).toEqual(["videoAddress.taken"]);
    expect(rules("Room Taken;room.taken@acme.example;room.taken")).toEqual(["personalRoomAddress.taken"]);
    expect(rowProblems("Room Taken;room.taken@acme.example;room.taken")[0]?.message).toBe(
      "The personal room address room.taken.vmr@acme.video.example.com is already taken; choose another video address.",
    );
    expect(rules("A Member;Member@ACME.example;a.member")).toEqual(["email.taken"]);
    expect(rowProblems("A Member;member@acme.example;a.member")[0]?.message).toBe(
      "An account with this email address already exists.",
    );
  });

  it("reports several problems of one row together", () => {
    expect(rules(";not-an-email;1a")).toEqual([
      "fullName.required",
      "email.invalid",
      "videoAddress.first_character",
      "videoAddress.too_short",
    ]);
  });
});

describe("duplicates within the file", () => {
  it("flags every later row that repeats an email or address, naming the first line", () => {
    const text = [
      "Full name;email;video address",
      "Johann Smith;johann.smith@acme.example;johann.smith",
      "Johann Smith;JOHANN.SMITH@acme.example;johann.smith2",
      "Johann Smyth;johann.smyth@acme.example;johann.smith@acme.video.example.com",
      "Johann Smith;johann.smith@acme.example;Johann.Smith",
      "Jo Vmr;jo.vmr@acme.example;johann.smith.vmr",
    ].join("\n");
    const result = preview(text);
    expect(summary(result)).toEqual([
      "2:",
      "3:email.duplicate",
      "4:videoAddress.duplicate,personalRoomAddress.duplicate",
      "5:email.duplicate,videoAddress.duplicate,personalRoomAddress.duplicate",
      "6:videoAddress.duplicate",
    ]);
    expect(result.rows[1]?.problems[0]?.message).toBe("Line 2 already has this email address.");
    expect(result.rows[2]?.problems[0]?.message).toBe(
      "Line 2 already uses johann.smith@acme.video.example.com as its video address.",
    );
    expect(result.rows[4]?.problems[0]?.message).toBe(
      "Line 2 already uses johann.smith.vmr@acme.video.example.com as its personal room address.",
    );
    expect(result).toMatchObject({ validCount: 1, invalidCount: 4 });
  });
});

describe("licences", () => {
  it("counts how many licences the valid rows lack", () => {
    const text = `${REFERENCE}Bad Row;bad;x\n`;
    expect(preview(text, company({ licencesRemaining: 1 }))).toMatchObject({
      validCount: 3,
      invalidCount: 1,
      licencesRemaining: 1,
      licencesMissing: 2,
    });
    expect(preview(text, company({ licencesRemaining: 3 }))).toMatchObject({ licencesMissing: 0 });
    expect(preview(text, company({ licencesRemaining: 0 }))).toMatchObject({ licencesMissing: 3 });
  });
});

describe("file problems", () => {
  const fileProblems = (input: string | Uint8Array) => {
    const result = preview(input);
    expect(result.rows).toEqual([]);
    expect(result).toMatchObject({ validCount: 0, invalidCount: 0, licencesMissing: 0 });
    return result.fileProblems;
  };

  it("an empty file: 0 bytes, only blank lines, only a BOM, only a header", () => {
    expect(fileProblems(new Uint8Array())).toEqual([FILE_PROBLEMS.empty]);
    expect(fileProblems("\r\n\n  \n;;\n")).toEqual([FILE_PROBLEMS.empty]);
    expect(fileProblems(Buffer.from([0xef, 0xbb, 0xbf]))).toEqual([FILE_PROBLEMS.empty]);
    expect(fileProblems("Full name;email;video address\r\n")).toEqual([FILE_PROBLEMS.onlyHeader]);
  });

  it("a binary file, and text that is not UTF-8", () => {
    const png = Buffer.from([
      0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52,
    ]);
    expect(fileProblems(png)).toEqual([FILE_PROBLEMS.binary]);
    expect(fileProblems(Buffer.from("PK\u0003\u0004\u0014\u0000\u0006\u0000", "latin1"))).toEqual([
      FILE_PROBLEMS.binary,
    ]);
    expect(fileProblems(Buffer.from("Jörg Müller;joerg@acme.example;joerg.mueller\n", "latin1"))).toEqual([
      FILE_PROBLEMS.notUtf8,
    ]);
    expect(FILE_PROBLEMS.notUtf8).toMatch(/Save the file as UTF-8/);
  });

  it("UTF-16, little and big endian, with or without a BOM", () => {
    const le = Buffer.from(`\uFEFF${REFERENCE}`, "utf16le");
    const be = Buffer.from(le).swap16();
    expect([le[0], le[1], be[0], be[1]]).toEqual([0xff, 0xfe, 0xfe, 0xff]);
    expect(fileProblems(le)).toEqual([FILE_PROBLEMS.utf16]);
    expect(fileProblems(be)).toEqual([FILE_PROBLEMS.utf16]);
    expect(fileProblems(Buffer.from(REFERENCE, "utf16le"))).toEqual([FILE_PROBLEMS.utf16]);
    expect(FILE_PROBLEMS.utf16).toMatch(/Save the file as UTF-8/);
  });

  it("commas or tabs instead of semicolons", () => {
    const commas = REFERENCE.replaceAll(";", ",");
    expect(fileProblems(commas)).toEqual([FILE_PROBLEMS.commas]);
    expect(FILE_PROBLEMS.commas).toBe("The file uses commas; use semicolons: Full name;email;video address");
    // As Excel writes it: a name with a comma in quotes.
    expect(
      fileProblems(
        'Full name,email,video address\r\n"Smith, Johann",johann.smith@acme.example,johann.smith\r\n',
      ),
    ).toEqual([FILE_PROBLEMS.commas]);
    expect(fileProblems('"Smith, Johann",johann.smith@acme.example,"johann.smith\r\n')).toEqual([
      FILE_PROBLEMS.commas,
    ]);
    expect(fileProblems(REFERENCE.replaceAll(";", "\t"))).toEqual([FILE_PROBLEMS.tabs]);
  });

  it("a quote that is never closed, naming the line it starts on", () => {
    const text = `${REFERENCE}"Peter Pan;peter.pan@acme.example;peter.pan\nWendy Darling;wendy@acme.example;wendy.darling\n`;
    expect(fileProblems(text)).toEqual([FILE_PROBLEMS.unreadable(5, "CSV_QUOTE_NOT_CLOSED")]);
    expect(FILE_PROBLEMS.unreadable(5, "CSV_QUOTE_NOT_CLOSED")).toMatch(
      /^Line 5: a quoted cell is never closed/,
    );
  });

  it("more than 20,000 rows", () => {
    const row = (i: number) => `Person ${i};person${i}@acme.example;person.${i}`;
    const rows = Array.from({ length: 20_001 }, (_, i) => row(i));
    expect(fileProblems(["Full name;email;video address", ...rows].join("\n"))).toEqual([
      "The file has 20,001 rows; at most 20,000 can be invited at once. Split it into smaller files.",
    ]);
    const result = preview(["Full name;email;video address", ...rows.slice(1)].join("\n"));
    expect(result).toMatchObject({ fileProblems: [], validCount: 20_000, invalidCount: 0 });
    expect(result.rows.at(-1)?.line).toBe(20_001);
  });

  it("more than 5 MB", () => {
    const big = Buffer.alloc(5 * 1024 * 1024 + 1, "a");
    expect(fileProblems(big)).toEqual([FILE_PROBLEMS.tooLarge]);
    expect(FILE_PROBLEMS.tooLarge).toBe("The file is larger than 5 MB. Split it into smaller files.");
    expect(preview(Buffer.alloc(5 * 1024 * 1024, "a")).fileProblems).toEqual([]);
  });
});

describe("the problems CSV", () => {
  const text = [
    "Full name;email;video address",
    "Johann Smith;johann.smith@acme.example;johann.smith",
    "=cmd|' /C calc'!A0;bad;=1+1",
    "+Plus;@at;-minus",
    '"Smith, ""J"" =1";x;" =cr"',
  ].join("\r\n");

  it("lists only the rows with problems, their line and what is wrong, escaping formula-like cells", () => {
    const csv = problemsCsv(preview(text));
    expect(csv.startsWith("\uFEFF")).toBe(true);
    const cells = parse(csv.slice(1), { delimiter: ";" });
    expect(cells[0]).toEqual(["Full name", "email", "video address", "Line", "Problems"]);
    expect(cells.slice(1).map((row) => row.slice(0, 4))).toEqual([
      ["'=cmd|' /C calc'!A0", "bad", "'=1+1@acme.video.example.com", "3"],
      ["'+Plus", "'@at", "'-minus@acme.video.example.com", "4"],
      ['Smith, "J" =1', "x", "'=cr@acme.video.example.com", "5"],
    ]);
    expect(cells[1]?.[4]).toBe(
      "Email: Enter a valid email address. Video address: Use only letters a–z, digits 0–9, dot, dash and underscore. Video address: Use at least 6 characters before the @ (the minimum applies without domain hosting).",
    );
    // Every cell is quoted, so a comma inside one cannot split it where commas separate cells.
    expect(csv.split("\r\n")[1]).toMatch(/^"'=cmd\|' \/C calc'!A0";"bad";/);
    expect(csv.endsWith("\r\n")).toBe(true);
  });

  it("is just the header when every row is fine", () => {
    expect(problemsCsv(preview(REFERENCE))).toBe(
      '\uFEFF"Full name";"email";"video address";"Line";"Problems"\r\n',
    );
  });
});

describe("properties", () => {
  it("never throws on arbitrary bytes, and accounts for every row", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (input) => {
        const result = previewBulkInviteCsv(input, company());
        expect(result.validCount + result.invalidCount).toBe(result.rows.length);
        problemsCsv(result);
      }),
      { numRuns: 3000 },
    );
  });

  it("never throws on CSV-like text; lines rise and every row is either valid or explains itself", () => {
    const unit = fc.constantFrom(...'ab.J@é;;""\r\n\n, =-\t1'.split(""), "acme.video.example.com", "\uFEFF");
    fc.assert(
      fc.property(fc.string({ unit, maxLength: 200 }), (text) => {
        const result = preview(text);
        if (result.fileProblems.length > 0) {
          expect(result.rows).toEqual([]);
          return;
        }
        const lines = result.rows.map((row) => row.line);
        expect(lines).toEqual([...lines].sort((a, b) => a - b));
        expect(new Set(lines).size).toBe(lines.length);
        for (const row of result.rows) {
          for (const problem of row.problems) expect(problem.message.length).toBeGreaterThan(0);
          if (row.problems.length === 0) {
            expect(row.personalRoomAddress).toBeDefined();
            expect(row.fullName).toBe(row.fullName.trim());
          }
        }
      }),
      { numRuns: 3000 },
    );
  });
});
