import { describe, expect, it } from "vitest";
import {
  type CreateCompanyValues,
  createCompanyProblems,
  firstVideoDomain,
  initialCreateCompanyValues,
  suggestLocalPart,
  suggestSlug,
  toCreateCompanyInput,
} from "./createCompany";

const values = (changes: Partial<CreateCompanyValues>): CreateCompanyValues => ({
  ...initialCreateCompanyValues(),
  name: "Initech",
  slug: "initech",
  timeZone: "Europe/Oslo",
  firstAdmin: { fullName: "Ann Admin", email: "ann@initech.example", videoAddress: "ann" },
  ...changes,
});
const problemsOf = (form: CreateCompanyValues, serviceDomains: string[] = ["video.example.com"]) =>
  Object.fromEntries(
    Object.entries(createCompanyProblems(form, serviceDomains)).filter(([, problem]) => problem),
  );

describe("create company suggestions", () => {
  it("suggests a slug from the company name", () => {
    expect(suggestSlug("Acme Café & Co.")).toBe("acme-cafe-co");
    expect(suggestSlug("  --Ünïcode  Ltd--")).toBe("unicode-ltd");
    expect(suggestSlug("x".repeat(50))).toHaveLength(40);
  });

  it("suggests the address name part from the email", () => {
    expect(suggestLocalPart("Ann.Smith+work@acme.com")).toBe("ann.smith");
    expect(suggestLocalPart("2fast.o'neil@acme.com")).toBe("fast.oneil");
    expect(suggestLocalPart("")).toBe("");
  });
});

describe("the first video domain", () => {
  it("is the first custom domain with domain hosting", () => {
    const form = values({ domainSetup: "hosted", hostedDomains: ["Initech.Example", "other.example"] });
    expect(firstVideoDomain(form, "video.example.com")).toBe("initech.example");
  });

  it("is the slug under the service domain, or the service domain itself", () => {
    expect(firstVideoDomain(values({}), "video.example.com")).toBe("initech.video.example.com");
    expect(firstVideoDomain(values({ domainSetup: "service_root" }), "video.example.com")).toBe(
      "video.example.com",
    );
  });

  it("is unknown while it cannot be worked out", () => {
    expect(firstVideoDomain(values({}), null)).toBeNull();
    expect(firstVideoDomain(values({ slug: "-" }), "video.example.com")).toBeNull();
    expect(firstVideoDomain(values({ domainSetup: "hosted", hostedDomains: [""] }), null)).toBeNull();
  });
});

describe("create company problems", () => {
  it("allows a short address name only with domain hosting", () => {
    expect(problemsOf(values({ domainSetup: "hosted", hostedDomains: ["initech.example"] }))).toEqual({});
    expect(Object.keys(problemsOf(values({})))).toEqual(["firstAdmin.videoAddress"]);
  });

  it("names each bad custom domain at its own index", () => {
    const form = values({
      domainSetup: "hosted",
      hostedDomains: ["initech.example", "initech.example", "acme.video.example.com", "nodot"],
    });
    expect(Object.keys(problemsOf(form))).toEqual(["hostedDomains.1", "hostedDomains.2", "hostedDomains.3"]);
  });

  it("ignores custom domains without domain hosting", () => {
    const form = values({
      hostedDomains: ["nodot"],
      firstAdmin: { ...values({}).firstAdmin, videoAddress: "ann.admin" },
    });
    expect(problemsOf(form)).toEqual({});
  });
});

describe("the request body", () => {
  it("sends the full address when the domain is known, the name part otherwise", () => {
    const form = values({ domainSetup: "hosted", hostedDomains: [" Initech.Example "] });
    const body = toCreateCompanyInput(form, firstVideoDomain(form, null));
    expect(body.firstAdmin.videoAddress).toBe("ann@initech.example");
    expect(body.hostedDomains).toEqual(["initech.example"]);
    expect(toCreateCompanyInput(values({}), null).firstAdmin.videoAddress).toBe("ann");
    expect(toCreateCompanyInput(values({}), null).hostedDomains).toBeUndefined();
  });
});
