import { describe, expect, it } from "vitest";
import { actionLabel, changeSentence, fieldChanges, summarise } from "./audit-descriptions.js";

const describeEvent = (
  action: string,
  before: Record<string, unknown> | null,
  after: Record<string, unknown> | null,
  targetLabel: string | null = null,
) => summarise({ action, before, after, targetLabel, changes: fieldChanges(before, after) });

describe("audit events in words", () => {
  it("labels known actions and humanises unknown ones", () => {
    expect(actionLabel("account.invited")).toBe("Invited a member");
    expect(actionLabel("member.profile_photo_changed")).toBe("Member profile photo changed");
    expect(actionLabel("")).toBe("Change");
  });

  it("says what changed, from what to what, with readable values", () => {
    expect(describeEvent("member.updated", { role: "member" }, { role: "admin" })).toBe(
      "Changed role from Member to Admin",
    );
    expect(
      describeEvent(
        "company.updated",
        { hostPinOnAllPersonalRooms: false, licences: 5 },
        {
          hostPinOnAllPersonalRooms: true,
          licences: 10,
        },
      ),
    ).toBe("Changed host PIN on all personal VMRs from off to on and licences from 5 to 10");
    expect(
      describeEvent(
        "member.updated",
        { "personalRoom.hostPin": "not set" },
        { "personalRoom.hostPin": "set" },
      ),
    ).toBe("Changed host PIN from not set to set");
    // More than two fields: named only (the changes list has the values).
    expect(
      describeEvent(
        "member.updated",
        { fullName: "A", email: "a@x", role: "member" },
        {
          fullName: "B",
          email: "b@x",
          role: "admin",
        },
      ),
    ).toBe("Changed name, email and role");
    expect(changeSentence([])).toBeNull();
  });

  it("names team rooms and video systems, and falls back gracefully for actions it does not know", () => {
    expect(describeEvent("team_room.created", null, { name: "Board room", address: "board@x" })).toBe(
      "Added a team room: Board room",
    );
    expect(describeEvent("video_system.activated", null, { name: "Lobby" })).toBe(
      "Activated a video system: Lobby",
    );
    expect(describeEvent("room.teleported", null, { name: "Board room" })).toBe(
      "Room teleported: Board room",
    );
    expect(describeEvent("team_room.updated", { name: "Old" }, { name: "New" })).toBe(
      "Changed name from Old to New",
    );
    expect(describeEvent("something.happened", null, null)).toBe("Something happened");
    expect(describeEvent("something.happened", null, null, "Acme")).toBe("Something happened: Acme");
    expect(describeEvent("members.bulk_invited", null, { invited: 3, skipped: 1 })).toBe(
      "Members bulk invited",
    );
  });

  it("never shows secrets, even if a change recorded one by mistake, and leaves ids out", () => {
    const changes = fieldChanges(
      { password: "hunter2", hostPin: "1234", partnerId: "p-1" },
      { password: "correct horse", hostPin: "9876", sessionToken: "abc", id: "x" },
    );
    expect(changes).toEqual([
      { field: "password", before: "(hidden)", after: "(hidden)" },
      { field: "host PIN", before: "(hidden)", after: "(hidden)" },
      { field: "session token", before: null, after: "(hidden)" },
    ]);
    expect(JSON.stringify(changes)).not.toMatch(/hunter2|correct horse|1234|9876|abc/);
  });
});
