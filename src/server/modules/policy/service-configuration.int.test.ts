import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { askPolicy, infinityCallQuery, policyChange, policyWorld } from "../../../../test/helpers/policy.js";
import { useTestApp } from "../../../../test/helpers/test-app.js";
import { testDatabaseKind } from "../../../../test/helpers/test-database.js";
import { parseServiceTag } from "../../../domain/service-tag.js";
import { accounts, companies } from "../../db/schema.js";

const configuration = "/service/configuration";

describe(`policy: service configuration (${testDatabaseKind()})`, () => {
  const app = useTestApp();
  const ask = (overrides: Record<string, string | undefined>) =>
    askPolicy(app(), configuration, infinityCallQuery(overrides));

  it("routes a personal VMR to a conference with its PINs, owner and a tag naming company and room", async () => {
    const world = await policyWorld(app());
    const answer = await ask({ local_alias: `sip:${world.mia.room}` });
    expect(answer.statusCode, answer.body).toBe(200);
    expect(answer.headers["content-type"]).toMatch(/^application\/json/);
    const body = answer.json();
    expect(body).toMatchObject({
      status: "success",
      result: {
        service_type: "conference",
        name: world.mia.room,
        description: expect.stringContaining("Mia"),
        pin: "4821",
        guest_pin: "9315",
        allow_guests: true,
        primary_owner_email_address: world.mia.email,
      },
    });
    expect(parseServiceTag(body.result.service_tag)).toMatchObject({
      companyId: world.company.id,
      kind: "personal_room",
    });
    expect(body.result.service_tag.length).toBeLessThanOrEqual(250);
  });

  it("lets everyone in as a host, with no PIN asked, when a room has no host PIN", async () => {
    const world = await policyWorld(app());
    const body = (await ask({ local_alias: world.admin.room })).json();
    expect(body.result).toMatchObject({
      service_type: "conference",
      name: world.admin.room,
      allow_guests: false,
    });
    expect(body.result).not.toHaveProperty("pin");
    expect(body.result).not.toHaveProperty("guest_pin");
  });

  it("routes a team VMR to a conference (host PIN, guests without a PIN), with no personal owner", async () => {
    const world = await policyWorld(app());
    const body = (
      await ask({ local_alias: `SIP:Board.Room@${world.domain.toUpperCase()};transport=tls` })
    ).json();
    expect(body.result).toMatchObject({
      service_type: "conference",
      name: world.board.address,
      description: "Board room",
      pin: "1357",
      allow_guests: true,
      guest_pin: "",
    });
    expect(body.result).not.toHaveProperty("primary_owner_email_address");
    expect(parseServiceTag(body.result.service_tag)).toEqual({
      companyId: world.company.id,
      kind: "team_room",
      id: world.board.id,
    });
  });

  it("sends a call to a person's own address or a video system's to the registered device", async () => {
    const world = await policyWorld(app());
    for (const [alias, kind] of [
      [world.mia.address, "member"],
      [world.lobby.address, "video_system"],
      [world.miaDesk.address, "video_system"],
    ] as const) {
      const body = (
        await ask({ local_alias: `h323:${alias}`, remote_alias: "sip:caller@example.com" })
      ).json();
      expect(body.result, alias).toMatchObject({
        service_type: "gateway",
        name: alias,
        local_alias: "sip:caller@example.com",
        remote_alias: alias,
        outgoing_protocol: "sip",
        called_device_type: "registration",
      });
      expect(parseServiceTag(body.result.service_tag)?.kind).toBe(kind);
    }
  });

  it("finds a bare local part in the default domain (the service's primary one), also dialled at a node's IP", async () => {
    const world = await policyWorld(app());
    const partnerId = world.company.partnerId;
    const root = await world.operator.post(`/api/v1/partners/${partnerId}/companies`, {
      name: "Rooted Inc",
      slug: "rooted",
      domainSetup: "service_root",
      licences: 2,
      endpointSubscriptions: 0,
      timeZone: "UTC",
      firstAdmin: { fullName: "Ro Oted", email: "ro@rooted.example", videoAddress: "ro.rooted" },
    });
    expect(root.statusCode, root.body).toBe(201);
    const roomAddress = "ro.rooted.vmr@video.example.com";
    const full = (await ask({ local_alias: roomAddress })).json();
    expect(full.result.name).toBe(roomAddress);
    expect((await ask({ local_alias: "Ro.Rooted.VMR" })).json()).toEqual(full);
    expect((await ask({ local_alias: "ro.rooted.vmr@10.44.131.22:1720" })).json()).toEqual(full);
    // `board.room` alone is board.room@video.example.com, which no one has: alpha-co's is elsewhere.
    expect((await ask({ local_alias: "board.room" })).statusCode).toBe(404);
  });

  it("answers an address no one has with Infinity's fall-back 404", async () => {
    await policyWorld(app());
    const answer = await ask({ local_alias: "sip:nobody@elsewhere.example.org" });
    expect(answer.statusCode).toBe(404);
    expect(answer.json()).toMatchObject({ status: "fail", action: "continue", result: {} });
  });

  it("refuses unknown addresses in our domains when the operator says Confero owns them", async () => {
    const world = await policyWorld(app());
    const saved = await world.operator.request("PATCH", "/api/v1/operator/infinity", {
      rejectUnknownInOurDomains: true,
    });
    expect(saved.statusCode, saved.body).toBe(200);
    for (const alias of [
      `nobody@${world.domain}`,
      "nobody@video.example.com",
      `sip:ghost@${world.otherDomain}`,
    ]) {
      const answer = await ask({ local_alias: alias });
      expect(answer.statusCode, alias).toBe(200);
      expect(answer.json(), alias).toMatchObject({ status: "success", action: "reject", result: {} });
    }
    // Other people's domains are still left to Infinity.
    expect((await ask({ local_alias: "nobody@elsewhere.example.org" })).statusCode).toBe(404);
    // Known addresses are answered as before.
    expect((await ask({ local_alias: world.board.address })).json().result.service_type).toBe("conference");
  });

  it("looks bare names up in the default domain the operator chose", async () => {
    const world = await policyWorld(app());
    expect((await ask({ local_alias: "board.room" })).statusCode).toBe(404);
    const saved = await world.operator.request("PATCH", "/api/v1/operator/infinity", {
      defaultDomain: world.domain,
    });
    expect(saved.statusCode, saved.body).toBe(200);
    expect((await ask({ local_alias: "Board.Room" })).json().result.name).toBe(world.board.address);
    expect((await ask({ local_alias: "board.room@10.44.131.22:1720" })).json().result.name).toBe(
      world.board.address,
    );
  });

  it("refuses a suspended company's rooms and people, saying why", async () => {
    const world = await policyWorld(app());
    await policyChange(app(), () =>
      app().db.update(companies).set({ status: "suspended" }).where(eq(companies.id, world.company.id)),
    );
    for (const alias of [world.mia.room, world.board.address, world.mia.address, world.lobby.address]) {
      const answer = await ask({ local_alias: alias });
      expect(answer.statusCode).toBe(200);
      expect(answer.json(), alias).toEqual({
        status: "success",
        action: "reject",
        reason: expect.stringContaining("suspended"),
        result: {},
      });
    }
    // The other company's rooms are untouched.
    const otherRoom = `admin.beta-co.vmr@${world.otherDomain}`;
    expect((await ask({ local_alias: otherRoom })).json().result.service_type).toBe("conference");
  });

  it("refuses a suspended member's own address and personal room", async () => {
    const world = await policyWorld(app());
    await policyChange(app(), () =>
      app().db.update(accounts).set({ status: "suspended" }).where(eq(accounts.id, world.mia.id)),
    );
    for (const alias of [world.mia.room, world.mia.address]) {
      expect((await ask({ local_alias: alias })).json(), alias).toMatchObject({
        action: "reject",
        result: {},
      });
    }
  });

  it("answers a dial-out with the service of the conference it leaves from", async () => {
    const world = await policyWorld(app());
    const dialIn = (await ask({ local_alias: world.board.address })).json();
    const dialOut = (
      await ask({
        call_direction: "dial_out",
        service_name: world.board.address,
        local_alias: "sip:someone.outside@example.org",
      })
    ).json();
    expect(dialOut).toEqual(dialIn);
  });
});
