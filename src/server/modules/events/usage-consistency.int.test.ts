import { sql } from "drizzle-orm";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  bulkBody,
  conferenceEvents,
  InfinityNode,
  participantEvents,
  postEvents,
  sendAll,
} from "../../../../test/helpers/infinity-events.js";
import { askPolicy, infinityCallQuery, policyWorld } from "../../../../test/helpers/policy.js";
import { useTestApp } from "../../../../test/helpers/test-app.js";
import { testDatabaseKind } from "../../../../test/helpers/test-database.js";
import { queryRows } from "../../db/client.js";

const T0 = Date.UTC(2026, 9, 1, 6, 0, 0) / 1000;

/** Random traffic: calls into rooms and to people, over days, on two nodes, some replayed. */
const traffic = fc.array(
  fc.record({
    target: fc.integer({ min: 0, max: 3 }),
    startMinute: fc.integer({ min: 0, max: 60 * 24 * 5 }),
    minutes: fc.integer({ min: 0, max: 300 }),
    node: fc.integer({ min: 0, max: 1 }),
    replay: fc.boolean(),
    direction: fc.constantFrom("in", "out"),
  }),
  { minLength: 1, maxLength: 25 },
);

describe(`usage figures stay consistent with the raw legs (${testDatabaseKind()})`, () => {
  const app = useTestApp();

  it("for random traffic, the daily aggregates' totals equal the totals computed from raw legs and the traffic", async () => {
    const world = await policyWorld(app());
    const aliases = [world.mia.room, world.board.address, world.mia.address, world.lobby.address];
    const services: Array<{ name: string; service_tag: string; service_type: string }> = [];
    for (const alias of aliases) {
      const answer = await askPolicy(
        app(),
        "/service/configuration",
        infinityCallQuery({ local_alias: alias }),
      );
      services.push(answer.json().result as { name: string; service_tag: string; service_type: string });
    }
    let run = 0;
    await fc.assert(
      fc.asyncProperty(traffic, async (calls) => {
        run += 1;
        await app().db.execute(
          sql`truncate call_legs, usage_daily, room_intervals, conference_instances, event_inbox`,
        );
        const nodes = [new InfinityNode(`10.0.${run}.1`), new InfinityNode(`10.0.${run}.2`)];
        const perNode: unknown[][] = [[], []];
        let expectedCalls = 0;
        let expectedSeconds = 0;
        const roomStretches = new Map<string, Array<[number, number]>>();
        calls.forEach((call, i) => {
          const service = services[call.target] as {
            name: string;
            service_tag: string;
            service_type: string;
          };
          const node = nodes[call.node] as InfinityNode;
          const start = T0 + call.startMinute * 60;
          const seconds = call.minutes * 60;
          const gateway = service.service_type === "gateway";
          const direction = gateway ? call.direction : "in";
          if (!(gateway && direction === "out")) {
            expectedCalls += 1;
            expectedSeconds += seconds;
          }
          const legs = participantEvents(node, {
            uuid: `run${run}-leg${i}`,
            conference: service.name,
            serviceTag: service.service_tag,
            serviceType: service.service_type,
            direction: direction as "in" | "out",
            connectAt: start,
            seconds,
          });
          const list = perNode[call.node] as unknown[];
          if (gateway) list.push(...legs);
          else {
            const conference = conferenceEvents(
              node,
              service.name,
              service.service_tag,
              start - 1,
              start + seconds + 1,
            );
            list.push(conference.started, ...legs, conference.ended);
            const stretches = roomStretches.get(service.name) ?? [];
            stretches.push([start - 1, start + seconds + 1]);
            roomStretches.set(service.name, stretches);
          }
          if (call.replay) list.push(...legs);
        });
        // Node B's events first, then node A's: in order per node, out of order between them.
        const events = [...(perNode[1] ?? []), ...(perNode[0] ?? [])];
        if (run % 2 === 0) await sendAll(app(), events);
        else {
          // Every other run as one eventsink_bulk body: the worker applies it in batches of
          // many conferences and legs at once, which must count exactly as one by one.
          expect((await postEvents(app(), bulkBody("10.0.0.9", events, T0, run))).statusCode).toBe(200);
          await app().services.eventIngest.drain();
        }

        const [aggregate] = await queryRows<{ calls: number; seconds: number; room: number }>(
          app().db,
          sql`select coalesce(sum(calls), 0)::int as calls, coalesce(sum(call_seconds), 0)::float8 as seconds,
                coalesce(sum(room_seconds), 0)::float8 as room
              from usage_daily where company_id = ${world.company.id} and dimension = 'total'`,
        );
        const [raw] = await queryRows<{ calls: number; seconds: number }>(
          app().db,
          sql`select count(*)::int as calls, coalesce(sum(duration_seconds), 0)::float8 as seconds
              from call_legs where company_id = ${world.company.id} and connected_at is not null
                and ended_at is not null and service_type not in ('connecting', 'two_stage_dialing', 'test_call')
                and not (service_type = 'gateway' and direction = 'out')`,
        );
        expect(aggregate?.calls).toBe(raw?.calls);
        expect(aggregate?.seconds).toBeCloseTo(raw?.seconds ?? -1, 6);
        expect(aggregate?.calls).toBe(expectedCalls);
        expect(aggregate?.seconds).toBeCloseTo(expectedSeconds, 6);
        expect(aggregate?.room).toBeCloseTo(unionSeconds(roomStretches), 6);
        // Per day too: each call on the day it connected, in the company's time zone.
        const byDay = await queryRows<{ day: string; calls: number }>(
          app().db,
          sql`select to_char(u.day, 'YYYY-MM-DD') as day, u.calls from usage_daily u
              where u.company_id = ${world.company.id} and u.dimension = 'total' and u.calls > 0 order by u.day`,
        );
        const rawByDay = await queryRows<{ day: string; calls: number }>(
          app().db,
          sql`select to_char((l.connected_at at time zone c.time_zone)::date, 'YYYY-MM-DD') as day, count(*)::int as calls
              from call_legs l join companies c on c.id = l.company_id
              where l.company_id = ${world.company.id} and l.connected_at is not null and l.ended_at is not null
                and not (l.service_type = 'gateway' and l.direction = 'out')
                and l.service_type not in ('connecting', 'two_stage_dialing', 'test_call')
              group by 1 order by 1`,
        );
        expect(byDay).toEqual(rawByDay);
      }),
      { numRuns: 12 },
    );
  }, 240_000);
});

function unionSeconds(stretchesByRoom: Map<string, Array<[number, number]>>): number {
  let total = 0;
  for (const stretches of stretchesByRoom.values()) {
    const sorted = [...stretches].sort((a, b) => a[0] - b[0]);
    let [start, end] = sorted[0] as [number, number];
    for (const [s, e] of sorted.slice(1)) {
      if (s <= end) end = Math.max(end, e);
      else {
        total += end - start;
        [start, end] = [s, e];
      }
    }
    total += end - start;
  }
  return total;
}
