import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { demoCompanies } from "../../../../test/helpers/demo.js";
import { useTestApp } from "../../../../test/helpers/test-app.js";
import { pinWarnings } from "../../../domain/pin.js";
import { auditEvents, personalRooms } from "../../db/schema.js";

describe("setting a host PIN on every personal VMR", () => {
  const app = useTestApp();

  it("gives only the rooms without a host PIN a random 4-digit PIN and says how many", async () => {
    const { acme, globex, as, idOf } = await demoCompanies(app());
    const alice = await as("alice.andersen@acme.example");
    const bob = await idOf("bob.baker@acme.example");
    const kept = await alice.request("PATCH", `/api/v1/companies/${acme.id}/members/${bob}`, {
      personalRoom: { hostPin: "908172#", guestPin: "5511" },
    });
    expect(kept.statusCode, kept.body).toBe(200);

    const response = await alice.post(`/api/v1/companies/${acme.id}/personal-rooms/host-pins`);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toEqual({ set: 3 });
    const rooms = await app().db.select().from(personalRooms).where(eq(personalRooms.companyId, acme.id));
    expect(rooms).toHaveLength(4);
    for (const room of rooms) {
      if (room.accountId === bob) {
        expect(room).toMatchObject({ hostPin: "908172#", guestPin: "5511" });
      } else {
        expect(room.hostPin).toMatch(/^\d{4}$/);
        expect(pinWarnings(room.hostPin ?? "")).toEqual([]);
        expect(room.guestPin).toBeNull();
      }
    }
    // Globex is untouched.
    const others = await app().db.select().from(personalRooms).where(eq(personalRooms.companyId, globex.id));
    expect(others.every((r) => r.hostPin === null)).toBe(true);

    const again = await alice.post(`/api/v1/companies/${acme.id}/personal-rooms/host-pins`);
    expect(again.json()).toEqual({ set: 0 });
    const audits = await app()
      .db.select()
      .from(auditEvents)
      .where(eq(auditEvents.action, "personal_rooms.host_pins_set"));
    expect(audits.map((a) => a.after)).toEqual([{ rooms: 3 }, { rooms: 0 }]);
    const trail = JSON.stringify(audits.map((a) => [a.before, a.after]));
    for (const room of rooms) expect(trail).not.toContain(room.hostPin ?? "-");
  });
});
