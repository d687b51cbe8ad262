#!/usr/bin/env node
import { randomBytes } from "node:crypto";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { apiClient, startServer } from "./members-list.mjs";
import { openBenchDatabase, seedPolicyData } from "./policy-seed.mjs";
// Company usage page API at scale (issue 7): one company with 1,000,000 call legs over the 13
// months kept — 200,000 meetings of four legs in its 4,000 rooms and 100,000 point-to-point calls
// (the caller's leg and the callee's) to its 2,000 members and video systems — and the daily
// figures the event sink would have made of them (`usage_daily`: total, per VMR, user and
// endpoint; room minutes from the rooms' in-use stretches), all seeded straight in SQL
// (generate_series) by the event sink's counting rules (src/domain/usage-attribution.ts).
// Measures p50/p95 of GET /companies/{id}/usage and its three tabs (endpoints, users, vmrs)
// signed in as the company's admin, for the default three months and the whole 13 months.
// Goal: p95 < 200 ms each. PostgreSQL (BENCH_DATABASE_URL or TEST_DATABASE_URL; database
// confero_bench_usage, dropped after) and, with BENCH_USAGE_PGLITE=1, the embedded database.
// `npm run bench` includes it; `node bench/usage-api.mjs` runs it alone (after `npm run build`).
import { benchServerEnv, stopServer, withScratchPglite, withScratchPostgres } from "./scratch.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const TARGET_P95_MS = 200;
const SHAPE = { companies: 1, members: 2_000, teamRooms: 2_000, videoSystems: 2_000 };
const MEETINGS = 200_000;
const LEGS_PER_MEETING = 4;
const DIRECT_CALLS = 100_000;
const TIME_ZONE = "Europe/Oslo";
const PASSWORD = `usage bench ${randomBytes(6).toString("hex")}`;

/** The seeding statements, in order, for the company `companyId` (a uuid read from the database). */
function seedStatements(companyId) {
  const company = `'${companyId}'::uuid`;
  const zone = `'${TIME_ZONE}'`;
  const legColumns = `uuid, company_id, service_tag, target_kind, target_id, caller_kind, caller_id, conference,
    service_type, protocol, direction, source_alias, destination_alias, display_name, role, node, connected_at,
    ended_at, duration_seconds, disconnect_reason, ended_by, counted_day, last_event_at`;
  return {
    helpers: [
      `create table bench_rooms as
         select (row_number() over (order by id))::int - 1 as n, id, kind, owner, address from (
           select pr.id, 'personal_room' as kind, pr.account_id as owner, pr.address
             from personal_rooms pr join accounts a on a.id = pr.account_id
            where pr.company_id = ${company} and a.status = 'active'
           union all
           select id, 'team_room', null::uuid, address from team_rooms where company_id = ${company}) r`,
      `create table bench_members as
         select (row_number() over (order by id))::int - 1 as n, id, video_address as address, full_name
           from accounts where company_id = ${company} and kind = 'member' and status = 'active'`,
      `create table bench_systems as
         select (row_number() over (order by id))::int - 1 as n, id, address, name
           from video_systems where company_id = ${company} and twinned_account_id is null`,
      // The first day kept: 13 months back, the day after (src/domain/usage-period.ts).
      `create table bench_span as
         select first, (today - first + 1)::int as days from (
           select (now() at time zone ${zone})::date as today,
                  ((now() at time zone ${zone})::date - interval '13 months' + interval '1 day')::date as first) d`,
      // Each room's meetings on days of their own (a room is never in two at once), in working hours.
      `create table bench_meetings as
         select m, r.id as room_id, r.kind, r.owner, r.address, s.started_at,
                s.started_at + make_interval(mins => 10 + (m * 31) % 110) as ended_at
           from bench_span sp
           cross join (select count(*)::int as rooms from bench_rooms) rc
           cross join generate_series(0, ${MEETINGS - 1}) as m
           join bench_rooms r on r.n = m % rc.rooms
           cross join lateral (select greatest(1, sp.days / ceil(${MEETINGS}::float / rc.rooms)::int) as step) st
           cross join lateral (select (((sp.first + (m / rc.rooms) * st.step + r.n % st.step)
                  + make_interval(hours => 8, mins => (m * 7919) % 540))::timestamp at time zone ${zone}) as started_at) s`,
    ],
    data: {
      roomIntervalsMs: `insert into room_intervals (company_id, room_id, started_at, ended_at)
         select ${company}, room_id, started_at, ended_at from bench_meetings`,
      conferenceInstancesMs: `insert into conference_instances (node, name, started_at, ended_at, company_id, room_kind, room_id)
         select '10.44.99.' || (11 + m % 4), address, started_at, ended_at, ${company}, kind, room_id from bench_meetings`,
      // Four legs a meeting: a member, a video system and two guests from outside.
      meetingLegsMs: `insert into call_legs (${legColumns})
         select gen_random_uuid()::text, ${company}, 'confero:v1:' || ${company} || ':' || b.kind || ':' || b.room_id, b.kind,
                b.room_id, case i when 0 then 'member' when 1 then 'video_system' end,
                case i when 0 then mem.id when 1 then sys.id end, b.address, 'conference',
                (array['WEBRTC', 'SIP', 'H323', 'TEAMS'])[i + 1], 'in',
                case i when 0 then mem.address when 1 then 'sip:' || sys.address
                       else 'guest.' || b.m || '.' || i || '@partner.example' end,
                b.address, case i when 0 then mem.full_name when 1 then sys.name else 'Guest ' || i end,
                case i when 0 then 'chair' else 'guest' end, '10.44.99.' || (11 + b.m % 4),
                t.connected, t.ended, extract(epoch from t.ended - t.connected), 'Remote disconnect', 'infinity',
                (t.connected at time zone ${zone})::date, t.ended
           from bench_meetings b
           cross join generate_series(0, ${LEGS_PER_MEETING - 1}) as i
           join bench_members mem on mem.n = (b.m * 13) % (select count(*) from bench_members)
           join bench_systems sys on sys.n = (b.m * 17) % (select count(*) from bench_systems)
           cross join lateral (select b.started_at + make_interval(secs => i * 30) as connected,
                                      b.ended_at - make_interval(secs => i * 20) as ended) t`,
      // Point-to-point: a member calls a member (7 in 10) or a video system; the caller's leg counts.
      directLegsMs: `with calls as (
         select p, caller.id as caller_id, caller.address as caller_address,
                case when p % 10 < 7 then 'member' else 'video_system' end as kind,
                coalesce(tm.id, ts.id) as target_id, coalesce(tm.address, ts.address) as target_address,
                s.connected, s.connected + make_interval(mins => 2 + (p * 13) % 40) as ended
           from bench_span sp
           cross join generate_series(0, ${DIRECT_CALLS - 1}) as p
           join bench_members caller on caller.n = (p * 3) % (select count(*) from bench_members)
           left join bench_members tm on p % 10 < 7 and tm.n = (p * 7 + 1) % (select count(*) from bench_members)
           left join bench_systems ts on p % 10 >= 7 and ts.n = (p * 11) % (select count(*) from bench_systems)
           cross join lateral (select (((sp.first + p % sp.days) + make_interval(hours => 8, mins => (p * 37) % 600))
                  ::timestamp at time zone ${zone}) as connected) s)
       insert into call_legs (${legColumns})
         select gen_random_uuid()::text, ${company}, 'confero:v1:' || ${company} || ':' || kind || ':' || target_id, kind,
                target_id, case d when 'in' then 'member' end, case d when 'in' then caller_id end,
                target_address, 'gateway', case d when 'in' then 'WEBRTC' else 'SIP' end, d, caller_address,
                'sip:' || target_address, null, 'guest', '10.44.99.' || (11 + p % 4), connected, ended,
                extract(epoch from ended - connected), 'Remote disconnect', 'infinity',
                case d when 'in' then (connected at time zone ${zone})::date end, ended
           from calls cross join (values ('in'), ('out')) as dir(d)`,
      // Every counted leg once under each key it counts for (callKeys in usage-attribution.ts).
      usageCallsMs: `insert into usage_daily (company_id, day, dimension, key, calls, call_seconds, room_seconds)
         select ${company}, day, dimension, key, count(*)::int, sum(seconds), 0 from (
           select distinct l.uuid, l.counted_day as day, k.dimension, k.key, l.duration_seconds as seconds
             from call_legs l
             left join bench_rooms r on l.target_kind = 'personal_room' and r.id = l.target_id
             cross join lateral (values
               ('total', ''),
               (case when l.target_kind in ('personal_room', 'team_room') then 'vmr' end, l.target_id::text),
               (case when l.target_kind = 'member' then 'user' end, l.target_id::text),
               (case when l.target_kind = 'video_system' then 'endpoint' end, l.target_id::text),
               ('user', r.owner::text),
               (case when l.caller_kind = 'member' then 'user' end, l.caller_id::text),
               (case when l.caller_kind = 'video_system' then 'endpoint' end, l.caller_id::text)
             ) as k(dimension, key)
            where l.company_id = ${company} and l.counted_day is not null and k.dimension is not null and k.key is not null
         ) counted
         group by day, dimension, key`,
      // Room minutes on the day each stretch began, for the room and a personal room's owner.
      usageRoomMinutesMs: `insert into usage_daily as u (company_id, day, dimension, key, calls, call_seconds, room_seconds)
         select ${company}, day, dimension, key, 0, 0, sum(seconds) from (
           select (b.started_at at time zone ${zone})::date as day, k.dimension, k.key,
                  extract(epoch from b.ended_at - b.started_at) as seconds
             from bench_meetings b
             cross join lateral (values ('total', ''), ('vmr', b.room_id::text),
               (case when b.kind = 'personal_room' then 'user' end, b.owner::text)) as k(dimension, key)
            where k.dimension is not null and k.key is not null
         ) rooms
         group by day, dimension, key
         on conflict (company_id, dimension, day, key) do update set room_seconds = u.room_seconds + excluded.room_seconds`,
    },
    cleanup: [
      "drop table bench_meetings, bench_span, bench_systems, bench_members, bench_rooms",
      "vacuum analyze call_legs, usage_daily, room_intervals, conference_instances",
    ],
  };
}

/** The company seeded with rooms, people and systems, then its 13 months of calls; its admin's sign-in. */
async function seedUsage(database, sessionSecret) {
  const run = (text, params = []) => database.db.$client.query(text, params);
  const steps = {};
  const step = async (name, statements) => {
    const started = performance.now();
    for (const text of statements) await run(text);
    steps[name] = Math.round(performance.now() - started);
  };
  const started = performance.now();
  const policy = await seedPolicyData(database, { sessionSecret, shape: SHAPE });
  steps.companyMs = policy.seedMs;
  const [company] = (await run("select id from companies limit 1")).rows;
  await run("update companies set time_zone = $1 where id = $2", [TIME_ZONE, company.id]);
  const statements = seedStatements(company.id);
  await step("helpersMs", statements.helpers);
  for (const [name, text] of Object.entries(statements.data)) await step(name, [text]);
  await step("vacuumMs", statements.cleanup);
  const { hashPassword } = await import(pathToFileURL(path.join(root, "dist/server/lib/passwords.js")).href);
  const [admin] = (
    await run(
      `update accounts set password_hash = $2, password_changed_at = now()
        where id = (select id from accounts where company_id = $1 and role = 'admin' and status = 'active'
                    order by email limit 1)
        returning email`,
      [company.id, await hashPassword(PASSWORD)],
    )
  ).rows;
  const [counts] = (
    await run(
      `select (select count(*) from call_legs)::int as legs,
              (select count(*) from call_legs where counted_day is not null)::int as "countedLegs",
              (select count(*) from usage_daily)::int as "usageDailyRows",
              (select min(counted_day)::text from call_legs) as "firstDay",
              (select max(counted_day)::text from call_legs) as "lastDay"`,
    )
  ).rows;
  return {
    companyId: company.id,
    admin: admin.email,
    seedMs: Math.round(performance.now() - started),
    steps,
    counts,
  };
}

function scenarios(companyId, today, first) {
  const base = `/companies/${companyId}/usage`;
  const year = `from=${first}&to=${today}`;
  return {
    "summary, last 3 months (default)": base,
    "summary, 13 months": `${base}?${year}`,
    "endpoints, 3 months, by -minutes": `${base}/endpoints`,
    "users, 3 months, by -minutes": `${base}/users`,
    "vmrs, 3 months, by -minutes": `${base}/vmrs`,
    "endpoints, 13 months, by name": `${base}/endpoints?${year}&sort=name`,
    "users, 13 months, by -calls, page 50": `${base}/users?${year}&sort=-calls&page=50&pageSize=20`,
    "vmrs, 13 months, by -roomMinutes": `${base}/vmrs?${year}&sort=-roomMinutes`,
  };
}

async function measure(call, list, { warmUp = 3, samples = 30 } = {}) {
  const figures = {};
  for (const [label, url] of Object.entries(list)) {
    let answer;
    for (let i = 0; i < warmUp; i++) answer = await call("GET", url);
    const timings = [];
    for (let i = 0; i < samples; i++) {
      const started = performance.now();
      await call("GET", url);
      timings.push(performance.now() - started);
    }
    timings.sort((a, b) => a - b);
    const p95 = timings[Math.ceil(samples * 0.95) - 1];
    figures[label] = {
      ...(answer.total !== undefined
        ? { rows: answer.total }
        : { calls: answer.totals?.calls ?? answer.calls }),
      p50Ms: round(timings[Math.floor(samples / 2)]),
      p95Ms: round(p95),
      targetMet: p95 < TARGET_P95_MS,
    };
  }
  return figures;
}

async function runOn(kind, env, target) {
  const { database } = await openBenchDatabase(target);
  let seeded;
  try {
    seeded = await seedUsage(database, env.SESSION_SECRET);
  } finally {
    await database.close();
  }
  const { server, port } = await startServer(env);
  try {
    const call = apiClient(`http://127.0.0.1:${port}/api/v1`);
    await call("GET", "/setup/status");
    await call("POST", "/auth/login", { login: seeded.admin, password: PASSWORD });
    const figures = await measure(
      call,
      scenarios(seeded.companyId, seeded.counts.lastDay, seeded.counts.firstDay),
    );
    return {
      database: kind,
      seedMs: seeded.seedMs,
      seedSteps: seeded.steps,
      ...seeded.counts,
      targetP95Ms: TARGET_P95_MS,
      worstP95Ms: Math.max(...Object.values(figures).map((f) => f.p95Ms)),
      targetMet: Object.values(figures).every((f) => f.targetMet),
      scenarios: figures,
    };
  } finally {
    await stopServer(server);
  }
}

export async function usageApiBench() {
  const postgresql = await withScratchPostgres("confero_bench_usage", (url) =>
    runOn("postgresql", { ...benchServerEnv(), DATABASE_URL: url }, { kind: "postgres", url }),
  );
  const pglite =
    process.env.BENCH_USAGE_PGLITE === "1"
      ? await withScratchPglite("confero-bench-usage", (dataDir) =>
          runOn(
            "pglite",
            { ...benchServerEnv(), DATA_DIR: dataDir, DATABASE_URL: "" },
            { kind: "pglite", dataDir },
          ),
        )
      : { skipped: "set BENCH_USAGE_PGLITE=1 (a million legs take minutes to seed there)" };
  return { postgresql, pglite };
}

function round(ms) {
  return Math.round(ms * 10) / 10;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.stdout.write(`${JSON.stringify({ usageApi: await usageApiBench() }, null, 2)}\n`);
}
