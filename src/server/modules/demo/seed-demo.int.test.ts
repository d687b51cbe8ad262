import { describe, expect, it } from "vitest";
import { signIn } from "../../../../test/helpers/fixtures.js";
import { useTestApp } from "../../../../test/helpers/test-app.js";
import { companies, personalRooms, videoAddresses } from "../../db/schema.js";
import { seedDemo } from "./seed-demo.js";

describe("demo data", () => {
  const app = useTestApp();

  it("gives every member a registered address and a personal VMR; Globex hosts its domain", async () => {
    const seeded = await seedDemo(app().db);
    const members = seeded.accounts.filter((a) => a.kind === "member");
    expect(members.length).toBeGreaterThan(0);
    const registry = await app().db.select().from(videoAddresses);
    const rooms = await app().db.select().from(personalRooms);
    for (const member of members) {
      expect(member.personalRoomAddress).toBe(member.videoAddress?.replace("@", ".vmr@"));
      expect(registry.find((r) => r.address === member.videoAddress)?.ownerType).toBe("member");
      const room = rooms.find((r) => r.address === member.personalRoomAddress);
      expect(room?.name).toBe(`${member.fullName}'s room`);
      expect(registry.find((r) => r.address === member.personalRoomAddress)?.ownerId).toBe(room?.id);
    }
    expect(registry).toHaveLength(members.length * 2);
    for (const other of seeded.accounts.filter((a) => a.kind !== "member")) {
      expect(other.personalRoomAddress).toBeNull();
    }
    const setups = Object.fromEntries(
      (await app().db.select().from(companies)).map((c) => [c.slug, c.domainSetup]),
    );
    expect(setups).toEqual({ acme: "service_subdomain", globex: "hosted" });

    const grace = seeded.accounts.find((a) => a.email === "grace@globex.example");
    const globex = seeded.companies.find((c) => c.slug === "globex");
    const client = await signIn(app(), grace?.email ?? "", grace?.password ?? "");
    const company = (await client.get(`/api/v1/companies/${globex?.id}`)).json();
    expect(company).toMatchObject({
      hostedDomains: ["globex.example"],
      videoDomains: ["globex.example"],
      licences: { used: 2, total: 25 },
      addressCountsByDomain: { "globex.example": 4 },
    });
  });
});
