import { describe, expect, it } from "vitest";
import type { AccountActor } from "../auth/actor.js";
import {
  controlsRoom,
  isOwnCompanyAdmin,
  OWNERS_NEED_CHOSEN_MODE,
  ownersProblem,
} from "./team-rooms.policy.js";

const actor = (overrides: Partial<AccountActor>): AccountActor => ({
  type: "account",
  accountId: "a1",
  kind: "member",
  role: "member",
  companyId: "c1",
  partnerId: null,
  fullName: "Someone",
  ip: null,
  ...overrides,
});

describe("who controls a team room", () => {
  const room = (ownerMode: "admins" | "all_members" | "chosen") => ({ companyId: "c1", ownerMode });

  it("gives the company's admins every room, whatever its mode", () => {
    const admin = actor({ role: "admin" });
    for (const mode of ["admins", "all_members", "chosen"] as const) {
      expect(controlsRoom(admin, room(mode), false)).toBe(true);
    }
    expect(isOwnCompanyAdmin(admin, "c1")).toBe(true);
    expect(isOwnCompanyAdmin(admin, "c2")).toBe(false);
  });

  it("gives members the rooms open to all and those they were chosen for", () => {
    const member = actor({});
    expect(controlsRoom(member, room("admins"), true)).toBe(false);
    expect(controlsRoom(member, room("all_members"), false)).toBe(true);
    expect(controlsRoom(member, room("chosen"), true)).toBe(true);
    expect(controlsRoom(member, room("chosen"), false)).toBe(false);
  });

  it("never gives a room to another company's people, partner admins or operators", () => {
    expect(controlsRoom(actor({ companyId: "c2", role: "admin" }), room("all_members"), true)).toBe(false);
    expect(
      controlsRoom(actor({ kind: "partner_admin", role: null, companyId: null }), room("all_members"), true),
    ).toBe(false);
    expect(
      controlsRoom(actor({ kind: "operator", role: null, companyId: null }), room("all_members"), true),
    ).toBe(false);
  });

  it("lets only the chosen mode name members", () => {
    expect(ownersProblem("chosen", ["m1"])).toBeNull();
    expect(ownersProblem("chosen", [])).toBeNull();
    expect(ownersProblem("admins", [])).toBeNull();
    expect(ownersProblem("all_members", ["m1"])).toBe(OWNERS_NEED_CHOSEN_MODE);
    expect(ownersProblem("admins", ["m1"])).toBe(OWNERS_NEED_CHOSEN_MODE);
  });
});
