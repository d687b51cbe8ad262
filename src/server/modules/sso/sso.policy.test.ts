import { describe, expect, it } from "vitest";
import {
  emailDomainOf,
  emailDomainProblem,
  issuerProblem,
  normaliseEmailDomain,
  redirectUriFor,
  ssoAnswer,
} from "./sso.policy.js";

describe("single sign-on rules", () => {
  it("takes https issuers, and http only on loopback", () => {
    expect(issuerProblem("https://login.example.com")).toBeNull();
    expect(issuerProblem("https://tenant.example.com/oauth2/default")).toBeNull();
    for (const local of [
      "http://localhost:8080",
      "http://127.0.0.1:4000",
      "http://[::1]:9000",
      "http://idp.localhost",
    ])
      expect(issuerProblem(local), local).toBeNull();
    expect(issuerProblem("http://login.example.com")).toMatch(/https/);
    expect(issuerProblem("http://127.example.com")).toMatch(/https/);
    expect(issuerProblem("ftp://login.example.com")).toMatch(/https/);
    expect(issuerProblem("https://user:pw@login.example.com")).toMatch(/user name/);
    expect(issuerProblem("https://login.example.com/?tenant=1")).toMatch(/query/);
    expect(issuerProblem("login.example.com")).toMatch(/URL/);
  });

  it("normalises and checks email domains", () => {
    expect(normaliseEmailDomain(" @Example.COM. ")).toBe("example.com");
    expect(emailDomainProblem("mail.example.co.uk")).toBeNull();
    for (const bad of ["example", "exa mple.com", "-example.com", "example.c0m1-", "a@b.com", ""])
      expect(emailDomainProblem(bad), bad).not.toBeNull();
    expect(emailDomainOf("Mia@Alpha.Example")).toBe("alpha.example");
    expect(emailDomainOf("no-domain@")).toBeNull();
    expect(emailDomainOf("@alpha.example")).toBeNull();
  });

  it("answers the sign-in page and builds the redirect URI", () => {
    expect(ssoAnswer(undefined)).toBe("none");
    expect(ssoAnswer({ enabled: false, required: true })).toBe("none");
    expect(ssoAnswer({ enabled: true, required: false })).toBe("available");
    expect(ssoAnswer({ enabled: true, required: true })).toBe("required");
    expect(redirectUriFor("https://confero.example.com/")).toBe(
      "https://confero.example.com/api/v1/auth/sso/callback",
    );
  });
});
