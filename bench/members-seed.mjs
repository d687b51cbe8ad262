// Fills a company with many members straight in SQL (generate_series): a few seconds for
// 100,000, where the API would take hours. The benchmark measures reads, not invitations.
// Names repeat (first × last name), as in a real company, so searches of one or two letters
// match many people; every email and video address is unique.
import pg from "pg";

const FIRST = [
  "Anna",
  "Ben",
  "Carla",
  "David",
  "Emma",
  "Felix",
  "Grace",
  "Hugo",
  "Ines",
  "Jonas",
  "Karin",
  "Lars",
  "Maria",
  "Nils",
  "Olga",
  "Peter",
  "Rosa",
  "Sven",
  "Tina",
  "Ulf",
  "Vera",
  "Walter",
  "Yusuf",
  "Zoë",
];
const LAST = [
  "Andersen",
  "Berg",
  "Costa",
  "Dahl",
  "Eriksen",
  "Fischer",
  "Garcia",
  "Hansen",
  "Ivanova",
  "Jensen",
  "Kowalski",
  "Larsen",
  "Müller",
  "Nielsen",
  "Olsen",
  "Petersen",
  "Rossi",
  "Smith",
  "Tanaka",
  "Urban",
  "Vogel",
  "Weber",
  "Young",
  "Zimmer",
  "Novák",
  "Lind",
  "Moreau",
  "Keller",
  "Haugen",
  "Bauer",
];
const MAIL_DOMAINS = ["example.com", "mail.example.net", "corp.example.org", "inbox.example"];

/**
 * Adds `count` members (addresses `<first>.<last>.<n>@<videoDomain>`, personal VMRs, address
 * registry rows) to the company. `tag` keeps emails unique across companies. Every tenth member
 * is invited and every 97th suspended; every 50th is an admin. Members come in groups of 100
 * that share a creation time, like bulk invitations. Ids are derived from `tag` and the number,
 * so members of the same name (ordered by id) come in the same order in every seeded database.
 */
export async function fillCompany(client, { companyId, videoDomain, count, tag }) {
  const params = [companyId, videoDomain, FIRST, LAST, MAIL_DOMAINS, count, tag];
  // One statement: the rooms and the address rows come from the RETURNING of the inserts.
  await client.query(
    `with added as (
       insert into accounts (id, kind, company_id, role, status, full_name, email, video_address, created_at)
       select md5($7 || i)::uuid, 'member', $1,
              case when i % 50 = 0 then 'admin' else 'member' end,
              case when i % 97 = 0 then 'suspended' when i % 10 = 0 then 'invited' else 'active' end,
              f || ' ' || l,
              lower(f || '.' || l || '.' || $7 || i) || '@' || ($5::text[])[1 + i % 4],
              lower(f || '.' || l || '.' || i) || '@' || $2,
              now() - make_interval(hours => i / 100)
       from generate_series(1, $6::int) as i,
            lateral (select ($3::text[])[1 + i % 24] as f,
                            ($4::text[])[1 + (i / 24) % 30] as l) as n
       returning id, company_id, full_name, video_address),
     rooms as (
       insert into personal_rooms (company_id, account_id, name, address)
       select company_id, id, full_name || '''s room', replace(video_address, '@', '.vmr@') from added
       returning id, company_id, address)
     insert into video_addresses (address, company_id, owner_type, owner_id)
     select video_address, company_id, 'member', id from added
     union all
     select address, company_id, 'personal_room', id from rooms`,
    params,
  );
}

/** Fills the companies in one transaction, then vacuums so the planner sees the real data. */
export async function seedMembers(databaseUrl, fills) {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query("begin");
    for (const fill of fills) await fillCompany(client, fill);
    await client.query("commit");
    await client.query("vacuum analyze accounts, personal_rooms, video_addresses");
  } finally {
    await client.end();
  }
}
