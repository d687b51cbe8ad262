#!/usr/bin/env node
// The policy benchmark's service (issue 6), straight in SQL (generate_series): 100,000 rooms and
// 10,000 video systems in a few statements, on PostgreSQL or PGlite alike, where the API would
// take hours. Rows look like the app's own: every member, personal VMR, team room and video
// system address is in the `video_addresses` registry with its owner (a system twinned on its
// member's address has no row of its own), PINs are four random digits, a guest PIN differs from
// the host PIN, activated systems carry a SIP password sealed with the server's SESSION_SECRET.
// Left out, as the policy answers never read them: audit events, invitation links, passwords.
//
// `node bench/policy-seed.mjs` seeds a new embedded database in a temporary directory and prints
// the times; `--data-dir DIR` keeps it in DIR, `--database-url postgres://…/db` fills that
// (new, empty) PostgreSQL database instead.
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
/** The built server's modules (npm run build): the app's own driver setup and migrations. */
const dist = (file) => import(pathToFileURL(path.join(root, "dist", "server", file)).href);

export const SERVICE_DOMAIN = "video.example.com";
/** 90,000 personal + 10,000 team rooms = 100,000 rooms; 10,000 video systems; over 10 companies. */
export const DEFAULT_SHAPE = { companies: 10, members: 90_000, teamRooms: 10_000, videoSystems: 10_000 };
/** The purpose app.ts gives the SecretBox that seals video systems' SIP passwords. */
const SIP_PASSWORD_PURPOSE = "video-system-sip-password";

// ASCII only: the names become address local parts (a–z, 0–9, dot, dash, underscore).
const FIRST = ["Anna", "Ben", "Carla", "David", "Emma", "Felix", "Grace", "Hugo", "Ines", "Jonas", "Karin"];
const LAST = ["Andersen", "Berg", "Costa", "Dahl", "Eriksen", "Fischer", "Garcia", "Hansen", "Jensen"];
const sqlTextArray = (values) => `array[${values.map((v) => `'${v}'`).join(", ")}]::text[]`;

/** Member number `j`'s address local part (the members step's formula), as SQL. */
const memberLocal = (j) =>
  `lower((${sqlTextArray(FIRST)})[1 + ${j} % ${FIRST.length}] || '.' || ` +
  `(${sqlTextArray(LAST)})[1 + (${j} / ${FIRST.length}) % ${LAST.length}] || '.' || ${j})`;

/** Four random digits, and a guest PIN that differs from it (the app's rule). */
const HOST_PIN = "lpad(hp::text, 4, '0')";
const GUEST_PIN = "lpad(((hp + 1 + i % 9999) % 10000)::text, 4, '0')";

/** The companies with their one video domain and their number N (slug `c<N>`). */
const COMPANIES_CTE = `c as (
  select c.id, substring(c.slug from 2)::int as n, d.domain, c.host_pin_on_all_personal_rooms as pins
  from companies c join company_domains d on d.company_id = c.id)`;

/** Runs SQL on either driver: pg's Pool and PGlite both take (text, params) and answer { rows }. */
function sqlRunner(database) {
  const client = database.db.$client;
  return (text, params = []) => client.query(text, params);
}

/** Opens a database with the app's own client and applies every migration. */
export async function openBenchDatabase(target) {
  const { openDatabase } = await dist("db/client.js");
  const { migrate } = await dist("db/migrate.js");
  const database = await openDatabase(target);
  const started = performance.now();
  await migrate(database.db);
  return { database, migrateMs: Math.round(performance.now() - started) };
}

/**
 * Fills a new, migrated database: the service (as first-run setup leaves it, with an operator),
 * one partner with an admin, `companies` companies `c<N>` on `c<N>.video.example.com` (every
 * second one with a host PIN on all personal VMRs), and, spread evenly over them, `members`
 * members each with a personal VMR (every 10th invited, every 97th suspended, every 50th an
 * admin), `teamRooms` team rooms (half with a host PIN, a sixth with a guest PIN too; a tenth for
 * all members, a tenth for two chosen owners) and `videoSystems` video systems (every 10th
 * twinned on its member's own address, every 10th twinned with an address of its own, the rest
 * shared; the odd half activated with a sealed SIP password, a quarter registered; every second
 * with a serial number). Answers the time each step took.
 */
export async function seedPolicyData(database, { sessionSecret, shape = DEFAULT_SHAPE } = {}) {
  const { SecretBox } = await dist("lib/secret-box.js");
  const run = sqlRunner(database);
  const perCompany = {
    members: Math.floor(shape.members / shape.companies),
    teamRooms: Math.floor(shape.teamRooms / shape.companies),
    videoSystems: Math.floor(shape.videoSystems / shape.companies),
  };
  const steps = {};
  const step = async (name, work) => {
    const started = performance.now();
    await work();
    steps[name] = Math.round(performance.now() - started);
  };
  const total = performance.now();

  await step("service", async () => {
    await run(
      `insert into service (name, domains, default_vmr_suffix) values ('Confero Bench', array['${SERVICE_DOMAIN}'], '.vmr')`,
    );
    await run(
      `insert into accounts (kind, full_name, email) values ('operator', 'Bench Operator', 'operator@bench.example')`,
    );
    const [partner] = (await run(`insert into partners (name) values ('Bench Partners') returning id`)).rows;
    await run(
      `insert into accounts (kind, partner_id, full_name, email) values ('partner_admin', $1, 'Bench Partner Admin', 'partner@bench.example')`,
      [partner.id],
    );
    await run(
      `insert into companies (partner_id, name, slug, status, licences, endpoint_subscriptions, domain_setup,
         vmr_suffix, host_pin_on_all_personal_rooms)
       select $1, 'Company ' || n, 'c' || n, 'paid', $2, $3, 'service_subdomain', '.vmr', n % 2 = 0
       from generate_series(1, $4::int) as n`,
      [
        partner.id,
        perCompany.members + perCompany.teamRooms + 100,
        perCompany.videoSystems + 50,
        shape.companies,
      ],
    );
    await run(
      `insert into company_domains (company_id, domain, kind, position)
       select id, slug || '.${SERVICE_DOMAIN}', 'service', 0 from companies`,
    );
  });

  // One statement: accounts, their personal VMRs and both addresses in the registry.
  await step("members", () =>
    run(
      `with ${COMPANIES_CTE},
       src as (
         select gen_random_uuid() as id, gen_random_uuid() as room_id, c.id as company_id, c.n, c.domain,
                c.pins, i, f, l, ${memberLocal("i")} as local, floor(random() * 10000)::int as hp
         from c, generate_series(1, $1::int) as i,
              lateral (select (${sqlTextArray(FIRST)})[1 + i % ${FIRST.length}] as f,
                              (${sqlTextArray(LAST)})[1 + (i / ${FIRST.length}) % ${LAST.length}] as l) as names),
       added as (
         insert into accounts (id, kind, company_id, role, status, full_name, email, video_address, created_at)
         select id, 'member', company_id,
                case when i % 50 = 1 then 'admin' else 'member' end,
                case when i % 97 = 0 then 'suspended' when i % 10 = 0 then 'invited' else 'active' end,
                f || ' ' || l, local || '.c' || n || '@mail.example.net', local || '@' || domain,
                now() - make_interval(hours => i / 100)
         from src),
       rooms as (
         insert into personal_rooms (id, company_id, account_id, name, address, host_pin, guest_pin)
         select room_id, company_id, id, f || ' ' || l || '''s room', local || '.vmr@' || domain,
                case when pins then ${HOST_PIN} end,
                case when pins and i % 3 = 0 then ${GUEST_PIN} end
         from src)
       insert into video_addresses (address, company_id, owner_type, owner_id)
       select local || '@' || domain, company_id, 'member', id from src
       union all
       select local || '.vmr@' || domain, company_id, 'personal_room', room_id from src`,
      [perCompany.members],
    ),
  );
  // The next steps look members up by address: the planner must know there are 90,000 now.
  await step("analyze", () => run("analyze accounts, personal_rooms, video_addresses"));

  await step("teamRooms", () =>
    run(
      `with ${COMPANIES_CTE},
       src as (
         select gen_random_uuid() as id, c.id as company_id, c.domain, i,
                'team.room.' || i || '@' || c.domain as address, floor(random() * 10000)::int as hp
         from c, generate_series(1, $1::int) as i),
       rooms as (
         insert into team_rooms (id, company_id, name, address, host_pin, guest_pin, owner_mode)
         select id, company_id, 'Meeting Room ' || i, address,
                case when i % 2 = 0 then ${HOST_PIN} end,
                case when i % 6 = 0 then ${GUEST_PIN} end,
                case i % 10 when 1 then 'all_members' when 2 then 'chosen' else 'admins' end
         from src),
       owners as (
         insert into team_room_owners (company_id, room_id, account_id)
         select s.company_id, s.id, a.id
         from src s cross join (values (0), (1)) as k(o)
              join accounts a on a.video_address = ${memberLocal("(s.i + k.o)")} || '@' || s.domain
         where s.i % 10 = 2)
       insert into video_addresses (address, company_id, owner_type, owner_id)
       select address, company_id, 'team_room', id from src`,
      [perCompany.teamRooms],
    ),
  );

  await step("videoSystems", async () => {
    const count = perCompany.videoSystems * shape.companies;
    const box = new SecretBox(sessionSecret ?? randomBytes(32).toString("hex"), SIP_PASSWORD_PURPOSE);
    // k = (N - 1) × per company + i; the odd i are activated (as the SQL below decides).
    const tokens = [];
    const sealed = [];
    for (let k = 1; k <= count; k++) {
      tokens.push(randomBytes(32).toString("base64url"));
      const i = ((k - 1) % perCompany.videoSystems) + 1;
      sealed.push(i % 2 === 1 ? box.seal(randomBytes(18).toString("base64url")) : null);
    }
    await run(
      `with ${COMPANIES_CTE},
       tokens as (select value, ord from json_array_elements_text($2::json) with ordinality as t(value, ord)),
       sealed as (select value, ord from json_array_elements_text($3::json) with ordinality as t(value, ord)),
       src as (
         select gen_random_uuid() as id, c.id as company_id, c.n, c.domain, i,
                (c.n - 1) * $1::int + i as k,
                case i % 10 when 0 then i / 10 when 5 then 1000 + i / 10 end as twin
         from c, generate_series(1, $1::int) as i),
       systems as (
         select s.id, s.company_id, s.n, s.i, t.id as twin_id,
                case when s.i % 10 = 0 then t.video_address
                     when s.i % 10 = 5 then 'desk.system.' || s.i || '@' || s.domain
                     else 'room.system.' || s.i || '@' || s.domain end as address,
                case when t.id is null then 'Room system ' || s.i else t.full_name || '''s desk' end as name,
                tk.value as connect_token, se.value as sealed
         from src s
         left join accounts t on t.video_address = ${memberLocal("s.twin")} || '@' || s.domain
         join tokens tk on tk.ord = s.k
         join sealed se on se.ord = s.k),
       added as (
         insert into video_systems (id, company_id, name, address, serial_number, twinned_account_id,
           sip_password_encrypted, activated_at, registered_at, connect_token)
         select id, company_id, name, address,
                case when i % 2 = 0 then 'SN-' || n || '-' || lpad(i::text, 5, '0') end,
                twin_id, sealed,
                case when sealed is not null then now() - make_interval(days => i % 30) end,
                case when i % 4 = 1 then now() - interval '1 hour' end,
                connect_token
         from systems)
       insert into video_addresses (address, company_id, owner_type, owner_id)
       select address, company_id, 'video_system', id from systems where i % 10 <> 0`,
      [perCompany.videoSystems, JSON.stringify(tokens), JSON.stringify(sealed)],
    );
  });

  // The planner sees the real sizes, as it would after autovacuum in a real service.
  await step("vacuumAnalyze", () =>
    run(
      "vacuum analyze service, partners, companies, company_domains, accounts, personal_rooms, team_rooms, team_room_owners, video_systems, video_addresses",
    ),
  );
  const seedMs = Math.round(performance.now() - total);
  return { seedMs, steps, counts: await countRows(run) };
}

async function countRows(run) {
  const { rows } = await run(
    `select (select count(*) from companies)::int as companies,
            (select count(*) from accounts where kind = 'member')::int as members,
            (select count(*) from personal_rooms)::int as personal_rooms,
            (select count(*) from team_rooms)::int as team_rooms,
            (select count(*) from video_systems)::int as video_systems,
            (select count(*) from video_systems where sip_password_encrypted is not null)::int as activated,
            (select count(*) from video_systems where twinned_account_id is not null)::int as twinned,
            (select count(*) from video_addresses)::int as addresses`,
  );
  const r = rows[0];
  return {
    companies: r.companies,
    members: r.members,
    rooms: r.personal_rooms + r.team_rooms,
    personalRooms: r.personal_rooms,
    teamRooms: r.team_rooms,
    videoSystems: r.video_systems,
    videoSystemsActivated: r.activated,
    videoSystemsTwinned: r.twinned,
    registeredAddresses: r.addresses,
  };
}

/** Every registered address by what owns it (a system on its member's address counts as the member). */
export async function policyAliases(database) {
  const { rows } = await sqlRunner(database)("select address, owner_type from video_addresses");
  const byType = { personal_room: [], team_room: [], member: [], video_system: [] };
  for (const row of rows) byType[row.owner_type].push(row.address);
  return {
    personalRooms: byType.personal_room,
    teamRooms: byType.team_room,
    members: byType.member,
    videoSystems: byType.video_system,
  };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const arg = (name) => {
    const at = process.argv.indexOf(name);
    return at > 0 ? process.argv[at + 1] : undefined;
  };
  const databaseUrl = arg("--database-url");
  const keptDir = arg("--data-dir");
  const dataDir = databaseUrl ? null : (keptDir ?? mkdtempSync(path.join(tmpdir(), "confero-bench-policy-")));
  const { database, migrateMs } = await openBenchDatabase(
    databaseUrl ? { kind: "postgres", url: databaseUrl } : { kind: "pglite", dataDir },
  );
  try {
    const seeded = await seedPolicyData(database, { sessionSecret: process.env.SESSION_SECRET });
    const kind = databaseUrl ? "postgresql" : "pglite";
    process.stdout.write(`${JSON.stringify({ database: kind, migrateMs, ...seeded }, null, 2)}\n`);
  } finally {
    await database.close();
    if (dataDir && !keptDir) rmSync(dataDir, { recursive: true, force: true });
  }
}
