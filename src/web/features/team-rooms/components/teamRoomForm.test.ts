import { describe, expect, it } from "vitest";
import type { TeamRoom } from "../../../api/types";
import {
  addRoomProblems,
  changedSettings,
  initialAddValues,
  settingsProblems,
  settingsValues,
  toCreateInput,
} from "./teamRoomForm";

const company = { videoDomains: ["acme.video.example.com", "acme.example"], hostedDomains: ["acme.example"] };
const room: TeamRoom = {
  id: "r1",
  name: "Jupiter",
  videoAddress: "jupiter.room@acme.video.example.com",
  hostPinSet: true,
  guestPinSet: false,
  ownerMode: "admins",
  owners: [],
  hostPin: "4821",
  guestPin: null,
  createdAt: "2026-01-01T00:00:00Z",
};
const problems = (record: Record<string, string | null>) =>
  Object.fromEntries(Object.entries(record).filter(([, problem]) => problem));

describe("the Add team room form", () => {
  it("starts on the company's first domain and sends the full address and PINs", () => {
    const values = {
      ...initialAddValues(company),
      name: " Jupiter ",
      videoAddress: "Jupiter.Room",
      hostPin: " 4821 ",
    };
    expect(values.domain).toBe("acme.video.example.com");
    expect(problems(addRoomProblems(values, company))).toEqual({});
    expect(toCreateInput(values)).toEqual({
      name: "Jupiter",
      videoAddress: "jupiter.room@acme.video.example.com",
      hostPin: "4821",
      guestPin: null,
    });
  });

  it("checks the name, the address rules (short names only on hosted domains) and the PIN pair", () => {
    const base = initialAddValues(company);
    expect(Object.keys(problems(addRoomProblems({ ...base, videoAddress: "abc" }, company)))).toEqual([
      "name",
      "videoAddress",
    ]);
    expect(
      problems(addRoomProblems({ ...base, name: "R", videoAddress: "abc", domain: "acme.example" }, company)),
    ).toEqual({});
    const pins = problems(
      addRoomProblems({ ...base, name: "R", videoAddress: "rooms.r", guestPin: "4821" }, company),
    );
    expect(Object.keys(pins)).toEqual(["guestPin"]);
  });
});

describe("the team room settings form", () => {
  it("sends only what changed; emptying a PIN removes it", () => {
    expect(changedSettings(settingsValues(room), room)).toEqual({});
    expect(
      changedSettings(
        { ...settingsValues(room), addressLocalPart: "Saturn.Room", hostPin: "", guestPin: "" },
        room,
      ),
    ).toEqual({ addressLocalPart: "saturn.room", hostPin: null });
  });

  it("applies the address rules of the room's own domain", () => {
    const values = { ...settingsValues(room), addressLocalPart: "abc" };
    expect(Object.keys(problems(settingsProblems(values, room, company)))).toEqual(["addressLocalPart"]);
  });
});
