import { describe, expect, it } from "vitest";
import { interpretUserFilter } from "./scim-filter.js";
import { applyPatch, PATCH_SCHEMA, type ScimUserState } from "./scim-patch.js";
import { CONFERO_SCHEMA, parseUserResource, USER_SCHEMA } from "./scim-user.js";

const jane: ScimUserState = {
  email: "jane@corp.example",
  fullName: "Jane Doe",
  externalId: "e-1",
  active: true,
  videoAddress: "jane.doe@acme.video.example.com",
};
const patch = (...Operations: unknown[]) => applyPatch(jane, { schemas: [PATCH_SCHEMA], Operations });

describe("SCIM filters", () => {
  it("understands the lookups identity providers send", () => {
    expect(interpretUserFilter('userName eq "Jane@Corp.example"')).toEqual({
      ok: true,
      lookup: { field: "email", value: "jane@corp.example" },
    });
    expect(interpretUserFilter('externalId eq "AbC-1"')).toEqual({
      ok: true,
      lookup: { field: "externalId", value: "AbC-1" },
    });
    expect(interpretUserFilter('emails[type eq "work"].value eq "jane@corp.example"')).toMatchObject({
      ok: true,
      lookup: { field: "email", value: "jane@corp.example" },
    });
    expect(interpretUserFilter('USERNAME EQ "x@y.z"')).toMatchObject({ ok: true });
  });

  it("refuses syntax errors and unsupported filters with a clear detail", () => {
    const broken = interpretUserFilter("userName eq");
    expect(broken).toMatchObject({ ok: false });
    expect(!broken.ok && broken.detail).toMatch(/not valid SCIM filter syntax/);
    const unsupported = interpretUserFilter('displayName co "Jane"');
    expect(!unsupported.ok && unsupported.detail).toMatch(/Supported filters: userName eq/);
    expect(interpretUserFilter('userName eq "a@b.c" or externalId eq "1"')).toMatchObject({ ok: false });
  });
});

describe("SCIM User resources", () => {
  it("maps userName to the email and displayName, then name, to the full name", () => {
    const parsed = parseUserResource({
      schemas: [USER_SCHEMA],
      userName: "Olly@Okta.example",
      name: { givenName: "Olly", familyName: "Okta" },
      active: "False",
      [CONFERO_SCHEMA]: { videoAddress: "Olly.Video" },
    });
    expect(parsed).toEqual({
      ok: true,
      value: {
        email: "olly@okta.example",
        fullName: "Olly Okta",
        externalId: null,
        active: false,
        videoAddress: "olly.video",
      },
    });
  });

  it("refuses unknown attributes, a userName that is not an email, and bad types", () => {
    expect(parseUserResource({ schemas: [USER_SCHEMA], userName: "a@b.co", shoeSize: 42 })).toMatchObject({
      ok: false,
      problem: { scimType: "invalidSyntax", detail: expect.stringMatching(/shoeSize/) },
    });
    expect(parseUserResource({ schemas: [USER_SCHEMA], userName: "jdoe" })).toMatchObject({
      ok: false,
      problem: { scimType: "invalidValue" },
    });
    expect(parseUserResource({ schemas: [USER_SCHEMA], userName: "a@b.co", active: "maybe" })).toMatchObject({
      ok: false,
    });
    expect(parseUserResource({ userName: "a@b.co" })).toMatchObject({
      ok: false,
      problem: { scimType: "invalidSyntax" },
    });
  });
});

describe("SCIM PATCH", () => {
  it("applies Entra ID's capitalised ops, path-less value objects and active as a string", () => {
    const result = patch(
      { op: "Replace", value: { displayName: "Jane Q. Doe", "name.familyName": "Doe" } },
      { op: "Replace", path: "active", value: "False" },
      { op: "Add", path: 'emails[type eq "work"].value', value: "jane@corp.example" },
      {
        op: "Add",
        path: "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department",
        value: "R&D",
      },
    );
    expect(result).toEqual({ ok: true, value: { ...jane, fullName: "Jane Q. Doe", active: false } });
  });

  it("changes userName, externalId, the name parts and the video address; removes externalId", () => {
    expect(patch({ op: "replace", path: "userName", value: "J.Doe@Corp.example" })).toMatchObject({
      value: { email: "j.doe@corp.example" },
    });
    expect(patch({ op: "replace", path: "name.givenName", value: "Janet" })).toMatchObject({
      value: { fullName: "Janet Doe" },
    });
    expect(patch({ op: "remove", path: "externalId" })).toMatchObject({ value: { externalId: null } });
    expect(
      patch({ op: "replace", value: { [CONFERO_SCHEMA]: { videoAddress: "Jane.Video" } } }),
    ).toMatchObject({ value: { videoAddress: "jane.video" } });
    expect(patch({ op: "replace", value: { active: true } })).toMatchObject({ value: { active: true } });
  });

  it("refuses unknown paths, ops and removals of what every member has, naming the problem", () => {
    expect(patch({ op: "replace", path: "shoeSize", value: 1 })).toMatchObject({
      ok: false,
      problem: { scimType: "invalidPath" },
    });
    expect(patch({ op: "move", path: "active", value: true })).toMatchObject({
      problem: { scimType: "invalidSyntax" },
    });
    expect(patch({ op: "remove", path: "userName" })).toMatchObject({ problem: { scimType: "mutability" } });
    expect(patch({ op: "remove" })).toMatchObject({ problem: { scimType: "noTarget" } });
    expect(applyPatch(jane, { Operations: [] })).toMatchObject({ problem: { scimType: "invalidSyntax" } });
  });
});
