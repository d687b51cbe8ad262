import { describe, expect, it } from "vitest";
import { ConflictError, ForbiddenError } from "../../errors.js";
import type { AccountActor } from "../auth/actor.js";
import { assertMayTurnOff, assertSessionActor, staffMustUseTwoFactor } from "./two-factor.policy.js";

const actor: AccountActor = {
  type: "account",
  accountId: "a",
  kind: "member",
  role: "member",
  companyId: "c",
  partnerId: null,
  fullName: "Bob",
  ip: null,
};

describe("two-factor policy", () => {
  it("refuses API-token actors and allows sessions", () => {
    expect(() => assertSessionActor(actor)).not.toThrow();
    const viaToken = { ...actor, via: { type: "api_token", tokenId: "t" } } as AccountActor;
    expect(() => assertSessionActor(viaToken)).toThrow(ForbiddenError);
  });

  it("requires two-factor of operators and partner admins only when the service says so", () => {
    expect(staffMustUseTwoFactor("operator", true)).toBe(true);
    expect(staffMustUseTwoFactor("partner_admin", true)).toBe(true);
    expect(staffMustUseTwoFactor("member", true)).toBe(false);
    expect(staffMustUseTwoFactor("operator", false)).toBe(false);
    expect(() => assertMayTurnOff("partner_admin", true)).toThrow(ConflictError);
    expect(() => assertMayTurnOff("member", true)).not.toThrow();
  });
});
