import { type SQL, sql } from "drizzle-orm";
import {
  bigint,
  boolean,
  check,
  customType,
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";

/** PostgreSQL's full-text document type (drizzle has no built-in for it). */
const tsvector = customType<{ data: string }>({ dataType: () => "tsvector" });

const createdAt = () => timestamp("created_at", { withTimezone: true }).notNull().defaultNow();

/** The one service this installation runs. Its row exists once first-run setup is done. */
export const service = pgTable(
  "service",
  {
    id: integer("id").primaryKey().default(1),
    name: text("name").notNull(),
    /** The first domain is the primary one; companies get `<slug>.<domain>` under it. */
    domains: text("domains").array().notNull(),
    defaultVmrSuffix: text("default_vmr_suffix").notNull(),
    /** Operators and partner admins must sign in with a second factor (TOTP). */
    requireTwoFactorForStaff: boolean("require_two_factor_for_staff").notNull().default(false),
    createdAt: createdAt(),
  },
  (t) => [check("service_single_row", sql`${t.id} = 1`)],
);

/** One-time links that let the first operator set the service up. Stored hashed. */
export const setupTokens = pgTable("setup_tokens", {
  tokenHash: text("token_hash").primaryKey(),
  createdAt: createdAt(),
  usedAt: timestamp("used_at", { withTimezone: true }),
});

/** Partner names are unique case-insensitively, so a list of partners never shows two alike. */
export const partners = pgTable(
  "partners",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    name: text("name").notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("partners_name_key").on(sql`lower(${t.name})`)],
);

export const companies = pgTable(
  "companies",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    partnerId: uuid("partner_id")
      .notNull()
      .references(() => partners.id),
    name: text("name").notNull(),
    slug: text("slug").notNull(),
    status: text("status", { enum: ["trial", "paid", "suspended"] })
      .notNull()
      .default("trial"),
    licences: integer("licences").notNull().default(0),
    endpointSubscriptions: integer("endpoint_subscriptions").notNull().default(0),
    /**
     * service_subdomain: addresses under `<slug>.<service domain>`; service_root: under the
     * service's root domain (the company name usually goes into the local part); hosted: the
     * company's own custom domain(s).
     */
    domainSetup: text("domain_setup", { enum: ["service_subdomain", "service_root", "hosted"] })
      .notNull()
      .default("service_subdomain"),
    vmrSuffix: text("vmr_suffix").notNull().default(".vmr"),
    hostPinOnAllPersonalRooms: boolean("host_pin_on_all_personal_rooms").notNull().default(false),
    timeZone: text("time_zone").notNull().default("UTC"),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("companies_slug_key").on(t.slug), index("companies_partner_idx").on(t.partnerId)],
);

/** The video domains a company's addresses may use; a domain belongs to one company only. */
export const companyDomains = pgTable(
  "company_domains",
  {
    companyId: uuid("company_id")
      .notNull()
      .references(() => companies.id, { onDelete: "cascade" }),
    domain: text("domain").notNull(),
    /** hosted: the company's own domain; service: `<slug>.<service domain>`. */
    kind: text("kind", { enum: ["hosted", "service"] }).notNull(),
    /** The order the company lists its domains in; the first is the default for bare local parts. */
    position: integer("position").notNull().default(0),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("company_domains_domain_key").on(t.domain),
    index("company_domains_company_idx").on(t.companyId),
  ],
);

/**
 * Everyone who can sign in: operators (no partner, no company), partner admins (partner only)
 * and company members (company, with role admin or member). Emails and video addresses are
 * stored lowercased, so plain unique indexes make them unique case-insensitively.
 */
export const accounts = pgTable(
  "accounts",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    kind: text("kind", { enum: ["operator", "partner_admin", "member"] }).notNull(),
    partnerId: uuid("partner_id").references(() => partners.id),
    companyId: uuid("company_id").references(() => companies.id),
    role: text("role", { enum: ["admin", "member"] }),
    status: text("status", { enum: ["active", "invited", "suspended"] })
      .notNull()
      .default("active"),
    fullName: text("full_name").notNull(),
    email: text("email").notNull(),
    videoAddress: text("video_address"),
    passwordHash: text("password_hash"),
    passwordChangedAt: timestamp("password_changed_at", { withTimezone: true }),
    createdAt: createdAt(),
    /**
     * Last change to the account: SCIM's `meta.lastModified` and version. Drizzle sets it on
     * every update of the row, so no write path can forget it.
     */
    updatedAt: timestamp("updated_at", { withTimezone: true })
      .notNull()
      .defaultNow()
      .$onUpdate(() => new Date()),
    /** The identity provider's id for this person (SCIM `externalId`), unique in the company. */
    externalId: text("external_id"),
    /** Set when the account was created by the company's SCIM client (modules/scim). */
    provisionedBy: text("provisioned_by", { enum: ["scim"] }),
    /** The OpenID Connect `sub` this account signed in with, unique in the company's IdP. */
    ssoSubject: text("sso_subject"),
    /**
     * What the Members tab's search box matches: the lowercased name, email and video address,
     * one per line (a search without a line break cannot match across two of them). Stored, so
     * a search neither lowercases nor concatenates 100,000 rows, and trigram-indexed below.
     */
    searchText: text("search_text").generatedAlwaysAs(
      (): SQL =>
        sql`lower(${accounts.fullName}) || chr(10) || ${accounts.email} || chr(10) || coalesce(${accounts.videoAddress}, '')`,
    ),
    /**
     * The words of the name, email and video address (split at spaces and punctuation), for
     * searches of one or two characters: they match the start of a word ("z" finds Zoë), which
     * this index answers at once — a trigram index cannot serve them, and a substring match
     * would read every member of the company.
     */
    searchWords: tsvector("search_words").generatedAlwaysAs(
      (): SQL =>
        sql`to_tsvector('simple', regexp_replace(lower(${accounts.fullName}) || ' ' || ${accounts.email} || ' ' || coalesce(${accounts.videoAddress}, ''), '[[:space:][:punct:]]+', ' ', 'g'))`,
    ),
  },
  (t) => [
    uniqueIndex("accounts_email_key").on(t.email),
    uniqueIndex("accounts_video_address_key").on(t.videoAddress),
    uniqueIndex("accounts_external_id_key")
      .on(t.companyId, t.externalId)
      .where(sql`${t.externalId} is not null`),
    uniqueIndex("accounts_sso_subject_key")
      .on(t.companyId, t.ssoSubject)
      .where(sql`${t.ssoSubject} is not null`),
    index("accounts_company_idx").on(t.companyId, t.fullName),
    index("accounts_partner_idx").on(t.partnerId),
    // Counting a company's members (the list's total, by status too; licences used) reads
    // this narrow index alone: 100,000 members are a few hundred index pages, not the table.
    index("accounts_members_company_idx").on(t.companyId, t.status).where(sql`${t.kind} = 'member'`),
    // The Members tab's orders (members.repository.ts), one index each, so any page of
    // 100,000 members is read by an index-only scan: each key ends with the list's tie-breakers
    // (name, id), then carries what the list filters on (status) and the name behind lower().
    ...(
      [
        ["name", []],
        ["email", [t.email]],
        ["video_address", [t.videoAddress]],
        ["created", [t.createdAt]],
        // -createdAt keeps names A to Z among members created together (a bulk invitation).
        ["created_desc", [sql`${t.createdAt} desc`]],
        ["status", [t.status]],
        ["role", [t.role]],
      ] as const
    ).map(([name, lead]) =>
      index(`accounts_members_${name}_idx`)
        .on(
          t.companyId,
          ...lead,
          sql`lower(${t.fullName})`,
          t.id,
          ...(name === "status" ? [] : [t.status]),
          t.fullName,
          // Deep pages of a search with 10,000+ matches walk this index: with the search text in
          // it they need not read the table (members.repository.ts).
          ...(name === "name" ? [t.searchText] : []),
        )
        .where(sql`${t.kind} = 'member'`),
    ),
    // Substring search (LIKE '%…%') of three characters or more.
    index("accounts_search_trgm_idx").using("gin", t.searchText.op("gin_trgm_ops")),
    index("accounts_search_words_idx").using("gin", t.searchWords),
    // One or two characters that are not plain ASCII ("ë"): the characters of the search text, so
    // such a search reads the members holding them instead of every row (trigrams need three).
    index("accounts_search_chars_idx").using("gin", sql`string_to_array(${t.searchText}, null)`),
    check(
      "accounts_kind_shape",
      sql`(${t.kind} = 'operator' and ${t.partnerId} is null and ${t.companyId} is null and ${t.role} is null)
       or (${t.kind} = 'partner_admin' and ${t.partnerId} is not null and ${t.companyId} is null and ${t.role} is null)
       or (${t.kind} = 'member' and ${t.companyId} is not null and ${t.role} is not null)`,
    ),
  ],
);

/**
 * The one registry of every video address in the service — members, personal VMRs, team VMRs,
 * video systems — so no two objects can share an address, also under concurrent requests (the
 * primary key on the lowercased address enforces it). A video system twinned to a member uses
 * the member's row instead of a row of its own.
 */
export const videoAddresses = pgTable(
  "video_addresses",
  {
    address: text("address").primaryKey(),
    companyId: uuid("company_id")
      .notNull()
      .references(() => companies.id, { onDelete: "cascade" }),
    ownerType: text("owner_type", {
      enum: ["member", "personal_room", "team_room", "video_system"],
    }).notNull(),
    ownerId: uuid("owner_id").notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    index("video_addresses_company_idx").on(t.companyId, t.ownerType),
    uniqueIndex("video_addresses_owner_key").on(t.companyId, t.ownerType, t.ownerId),
  ],
);

/** Every member's own VMR; it shares the member's licence and goes when the member goes. */
export const personalRooms = pgTable(
  "personal_rooms",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    companyId: uuid("company_id")
      .notNull()
      .references(() => companies.id, { onDelete: "cascade" }),
    accountId: uuid("account_id")
      .notNull()
      .references(() => accounts.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    address: text("address").notNull(),
    hostPin: text("host_pin"),
    guestPin: text("guest_pin"),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("personal_rooms_account_key").on(t.companyId, t.accountId)],
);

/**
 * Activation links for invited accounts (members and partner admins), stored hashed. Accepting
 * sets the password and makes the account active; resending replaces the link.
 */
export const invitations = pgTable(
  "invitations",
  {
    tokenHash: text("token_hash").primaryKey(),
    accountId: uuid("account_id")
      .notNull()
      .references(() => accounts.id, { onDelete: "cascade" }),
    companyId: uuid("company_id").references(() => companies.id, { onDelete: "cascade" }),
    createdAt: createdAt(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    usedAt: timestamp("used_at", { withTimezone: true }),
  },
  (t) => [
    index("invitations_company_idx").on(t.companyId, t.accountId),
    index("invitations_account_idx").on(t.accountId),
  ],
);

/** Signed-in sessions. Only a keyed hash of the cookie value is stored. */
export const sessions = pgTable(
  "sessions",
  {
    idHash: text("id_hash").primaryKey(),
    accountId: uuid("account_id")
      .notNull()
      .references(() => accounts.id, { onDelete: "cascade" }),
    createdAt: createdAt(),
    lastSeenAt: timestamp("last_seen_at", { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    userAgent: text("user_agent"),
    ip: text("ip"),
  },
  (t) => [index("sessions_account_idx").on(t.accountId)],
);

export const passwordResetTokens = pgTable(
  "password_reset_tokens",
  {
    tokenHash: text("token_hash").primaryKey(),
    accountId: uuid("account_id")
      .notNull()
      .references(() => accounts.id, { onDelete: "cascade" }),
    createdAt: createdAt(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    usedAt: timestamp("used_at", { withTimezone: true }),
  },
  (t) => [index("password_reset_tokens_account_idx").on(t.accountId)],
);

/**
 * Every email is written here in the same transaction as the change that causes it; the mail
 * worker delivers it afterwards, so nothing is lost when SMTP is down.
 */
export const outbox = pgTable(
  "outbox",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    companyId: uuid("company_id").references(() => companies.id, { onDelete: "set null" }),
    toAddress: text("to_address").notNull(),
    subject: text("subject").notNull(),
    textBody: text("text_body").notNull(),
    htmlBody: text("html_body").notNull(),
    status: text("status", { enum: ["pending", "sent", "failed", "logged"] })
      .notNull()
      .default("pending"),
    attempts: integer("attempts").notNull().default(0),
    nextAttemptAt: timestamp("next_attempt_at", { withTimezone: true }).notNull().defaultNow(),
    lockedUntil: timestamp("locked_until", { withTimezone: true }),
    lastError: text("last_error"),
    createdAt: createdAt(),
    sentAt: timestamp("sent_at", { withTimezone: true }),
  },
  (t) => [
    index("outbox_due_idx").on(t.nextAttemptAt).where(sql`${t.status} = 'pending'`),
    index("outbox_created_idx").on(t.createdAt),
  ],
);

/** Who did what to which object, with before/after for changes. Written by `recordAudit`. */
export const auditEvents = pgTable(
  "audit_events",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    occurredAt: timestamp("occurred_at", { withTimezone: true }).notNull().defaultNow(),
    companyId: uuid("company_id").references(() => companies.id, { onDelete: "cascade" }),
    actorAccountId: uuid("actor_account_id").references(() => accounts.id, { onDelete: "set null" }),
    actorKind: text("actor_kind").notNull(),
    actorName: text("actor_name").notNull(),
    action: text("action").notNull(),
    targetType: text("target_type").notNull(),
    targetId: text("target_id"),
    before: jsonb("before"),
    after: jsonb("after"),
    ip: text("ip"),
  },
  (t) => [
    index("audit_events_company_idx").on(t.companyId, t.occurredAt),
    index("audit_events_occurred_idx").on(t.occurredAt),
  ],
);

// ---------------------------------------------------------------------------------------------
// Team rooms (shared VMRs). Each uses one of the company's licences (`companyUsage`); its
// address lives in the `video_addresses` registry (owner_type 'team_room').
// ---------------------------------------------------------------------------------------------

/**
 * A company's shared VMR ("Jupiter", "Meeting Room 6"). `owner_mode` says who besides the
 * company's admins controls it: nobody else ('admins'), every member ('all_members') or the
 * members listed in `team_room_owners` ('chosen').
 */
export const teamRooms = pgTable(
  "team_rooms",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    companyId: uuid("company_id")
      .notNull()
      .references(() => companies.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    address: text("address").notNull(),
    hostPin: text("host_pin"),
    guestPin: text("guest_pin"),
    ownerMode: text("owner_mode", { enum: ["admins", "all_members", "chosen"] })
      .notNull()
      .default("admins"),
    createdAt: createdAt(),
  },
  (t) => [
    // The Team rooms tab's order (by name, case-insensitively, then id).
    index("team_rooms_company_name_idx").on(t.companyId, sql`lower(${t.name})`, t.id),
    check("team_rooms_owner_mode", sql`${t.ownerMode} in ('admins', 'all_members', 'chosen')`),
  ],
);

/** The members chosen to control a team room (used while its owner_mode is 'chosen'). */
export const teamRoomOwners = pgTable(
  "team_room_owners",
  {
    companyId: uuid("company_id")
      .notNull()
      .references(() => companies.id, { onDelete: "cascade" }),
    roomId: uuid("room_id")
      .notNull()
      .references(() => teamRooms.id, { onDelete: "cascade" }),
    accountId: uuid("account_id")
      .notNull()
      .references(() => accounts.id, { onDelete: "cascade" }),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ name: "team_room_owners_pkey", columns: [t.roomId, t.accountId] }),
    // "My rooms": the rooms one member owns.
    index("team_room_owners_account_idx").on(t.companyId, t.accountId),
  ],
);

// ---------------------------------------------------------------------------------------------
// Video systems (endpoint subscriptions). Each counts against the company's endpoint
// subscriptions, not its licences (`companyUsage`). Its address lives in the `video_addresses`
// registry (owner_type 'video_system') — except a system twinned to a member that uses the
// member's own address, which shares the member's row.
// ---------------------------------------------------------------------------------------------

/**
 * An endpoint subscription: a room or desk video system. Shared unless `twinned_account_id`
 * names the member it belongs to (deleting that member makes it shared again). Activation
 * gives it SIP credentials (the password is stored encrypted, as the registration policy must
 * hand it to Infinity); `registered_at` is when it last registered. `connect_token` is what its
 * printed MeetingConnect QR code carries; rotating it makes old prints stop working.
 */
export const videoSystems = pgTable(
  "video_systems",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    companyId: uuid("company_id")
      .notNull()
      .references(() => companies.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    address: text("address").notNull(),
    serialNumber: text("serial_number"),
    twinnedAccountId: uuid("twinned_account_id").references(() => accounts.id, { onDelete: "set null" }),
    sipPasswordEncrypted: text("sip_password_encrypted"),
    activatedAt: timestamp("activated_at", { withTimezone: true }),
    registeredAt: timestamp("registered_at", { withTimezone: true }),
    connectToken: text("connect_token").notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    // The Video systems tab's order (by name, case-insensitively, then id).
    index("video_systems_company_name_idx").on(t.companyId, sql`lower(${t.name})`, t.id),
    index("video_systems_twinned_idx").on(t.companyId, t.twinnedAccountId),
    uniqueIndex("video_systems_address_key").on(t.address),
    uniqueIndex("video_systems_connect_token_key").on(t.connectToken),
    // One subscription per physical device in the whole service.
    uniqueIndex("video_systems_serial_key").on(t.serialNumber).where(sql`${t.serialNumber} is not null`),
  ],
);

/**
 * One-time codes that activate a video system's subscription (valid 30 days, stored hashed);
 * issuing a new one retires the older ones.
 */
export const endpointActivationCodes = pgTable(
  "endpoint_activation_codes",
  {
    codeHash: text("code_hash").primaryKey(),
    companyId: uuid("company_id")
      .notNull()
      .references(() => companies.id, { onDelete: "cascade" }),
    videoSystemId: uuid("video_system_id")
      .notNull()
      .references(() => videoSystems.id, { onDelete: "cascade" }),
    createdAt: createdAt(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    usedAt: timestamp("used_at", { withTimezone: true }),
  },
  (t) => [index("endpoint_activation_codes_system_idx").on(t.companyId, t.videoSystemId)],
);

// ---------------------------------------------------------------------------------------------
// Pexip Infinity: how Confero and the call platform know each other (operator settings).
// ---------------------------------------------------------------------------------------------

/**
 * The operator's "Pexip Infinity" settings, one row (absent until first saved). Passwords
 * Infinity sends to us (policy, event sink) are kept as keyed hashes: Confero only checks them.
 * The management API password is sent by us, so it is sealed (SecretBox), not hashed.
 * Environment variables, when set, win over these values (config.ts).
 */
export const infinitySettings = pgTable(
  "infinity_settings",
  {
    id: integer("id").primaryKey().default(1),
    policyUsername: text("policy_username"),
    policyPasswordHash: text("policy_password_hash"),
    eventSinkUsername: text("event_sink_username"),
    eventSinkPasswordHash: text("event_sink_password_hash"),
    apiUrl: text("api_url"),
    apiUsername: text("api_username"),
    apiPasswordSealed: text("api_password_sealed"),
    /** Unknown addresses in the service's or a company's domains are refused, not left to Infinity. */
    rejectUnknownInOurDomains: boolean("reject_unknown_in_our_domains").notNull().default(false),
    /** The domain a bare local part (`meet.bob`) is matched in; null: the service's primary domain. */
    defaultDomain: text("default_domain"),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [check("infinity_settings_single_row", sql`${t.id} = 1`)],
);

// ---------------------------------------------------------------------------------------------
// Company usage, from Infinity's event sink (pexip-infinity.md §2, §3; modules/events, usage).
// ---------------------------------------------------------------------------------------------

/**
 * Every event-sink envelope received, written before Infinity gets its answer and applied
 * afterwards, in `id` order, by the ingest worker (modules/events). A retry repeats an envelope
 * exactly, so (node, seq, time) names it and a replay is dropped at the door; a node whose sink
 * restarted counts seq from 1 again, but with later times. Applied rows stay a few days (the
 * retry window), then are pruned.
 */
export const eventInbox = pgTable(
  "event_inbox",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    node: text("node").notNull(),
    seq: bigint("seq", { mode: "number" }).notNull(),
    eventTime: doublePrecision("event_time").notNull(),
    event: text("event").notNull(),
    payload: jsonb("payload").notNull(),
    receivedAt: timestamp("received_at", { withTimezone: true }).notNull().defaultNow(),
    appliedAt: timestamp("applied_at", { withTimezone: true }),
  },
  (t) => [
    uniqueIndex("event_inbox_envelope_key").on(t.node, t.seq, t.eventTime),
    // No index on received_at: every event would pay for it twice (at ingest and when claimed);
    // the latest arrival is the row with the highest id.
    index("event_inbox_pending_idx").on(t.id).where(sql`${t.appliedAt} is null`),
  ],
);

/** One participant's call (a leg), keyed by Infinity's participant uuid. */
export const callLegs = pgTable(
  "call_legs",
  {
    uuid: text("uuid").primaryKey(),
    /** Null when Confero could not tie the call to a company (another policy's service). */
    companyId: uuid("company_id").references(() => companies.id, { onDelete: "cascade" }),
    serviceTag: text("service_tag"),
    /** What was called: the room, the member (own address) or the video system. */
    targetKind: text("target_kind", { enum: ["personal_room", "team_room", "member", "video_system"] }),
    targetId: uuid("target_id"),
    /** Who called, when the caller's alias is one of the company's members or video systems. */
    callerKind: text("caller_kind", { enum: ["member", "video_system"] }),
    callerId: uuid("caller_id"),
    conference: text("conference"),
    serviceType: text("service_type").notNull(),
    protocol: text("protocol"),
    direction: text("direction"),
    sourceAlias: text("source_alias"),
    destinationAlias: text("destination_alias"),
    displayName: text("display_name"),
    role: text("role"),
    node: text("node"),
    connectedAt: timestamp("connected_at", { withTimezone: true }),
    endedAt: timestamp("ended_at", { withTimezone: true }),
    durationSeconds: doublePrecision("duration_seconds"),
    disconnectReason: text("disconnect_reason"),
    /** infinity: its disconnect event came; sweep: it never came and the sweep closed the leg. */
    endedBy: text("ended_by", { enum: ["infinity", "sweep"] }),
    /** The day (company time zone) the leg is counted under in usage_daily, once counted. */
    countedDay: date("counted_day", { mode: "string" }),
    lastEventAt: timestamp("last_event_at", { withTimezone: true }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    index("call_legs_company_connected_idx").on(t.companyId, t.connectedAt),
    index("call_legs_open_idx").on(t.lastEventAt).where(sql`${t.endedAt} is null`),
    index("call_legs_created_idx").on(t.createdAt),
  ],
);

/** A conference as one node ran it: Infinity reports start and end per node. */
export const conferenceInstances = pgTable(
  "conference_instances",
  {
    node: text("node").notNull(),
    name: text("name").notNull(),
    startedAt: timestamp("started_at", { withTimezone: true }).notNull(),
    endedAt: timestamp("ended_at", { withTimezone: true }),
    companyId: uuid("company_id").references(() => companies.id, { onDelete: "cascade" }),
    roomKind: text("room_kind", { enum: ["personal_room", "team_room"] }),
    roomId: uuid("room_id"),
  },
  (t) => [
    primaryKey({ name: "conference_instances_pkey", columns: [t.node, t.name, t.startedAt] }),
    index("conference_instances_open_idx").on(t.startedAt).where(sql`${t.endedAt} is null`),
  ],
);

/**
 * When each room was in use: the per-node instances of its conferences merged, so overlapping
 * nodes count once ("room duration" is the union of the time a conference ran).
 */
export const roomIntervals = pgTable(
  "room_intervals",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    companyId: uuid("company_id")
      .notNull()
      .references(() => companies.id, { onDelete: "cascade" }),
    roomId: uuid("room_id").notNull(),
    startedAt: timestamp("started_at", { withTimezone: true }).notNull(),
    endedAt: timestamp("ended_at", { withTimezone: true }).notNull(),
  },
  (t) => [index("room_intervals_room_idx").on(t.companyId, t.roomId, t.startedAt)],
);

/**
 * The usage page's figures per company and day (company time zone), maintained as events
 * arrive: `total` (key ''), and per `vmr`, `user` and `endpoint` (key: the room's, member's or
 * video system's id). Kept when raw legs expire.
 */
export const usageDaily = pgTable(
  "usage_daily",
  {
    companyId: uuid("company_id")
      .notNull()
      .references(() => companies.id, { onDelete: "cascade" }),
    day: date("day", { mode: "string" }).notNull(),
    dimension: text("dimension", { enum: ["total", "vmr", "user", "endpoint"] }).notNull(),
    key: text("key").notNull(),
    calls: integer("calls").notNull().default(0),
    callSeconds: doublePrecision("call_seconds").notNull().default(0),
    roomSeconds: doublePrecision("room_seconds").notNull().default(0),
  },
  (t) => [primaryKey({ name: "usage_daily_pkey", columns: [t.companyId, t.dimension, t.day, t.key] })],
);

/** The event sink's counters for operators: accepted, duplicate, ignored, rejected events. */
export const eventSinkCounters = pgTable("event_sink_counters", {
  name: text("name").primaryKey(),
  value: bigint("value", { mode: "number" }).notNull().default(0),
});

/** The latest rejected events (pruned to the newest few hundred), for troubleshooting. */
export const rejectedEvents = pgTable(
  "rejected_events",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    receivedAt: timestamp("received_at", { withTimezone: true }).notNull().defaultNow(),
    node: text("node"),
    event: text("event"),
    reason: text("reason").notNull(),
    sample: text("sample").notNull(),
  },
  (t) => [index("rejected_events_received_idx").on(t.receivedAt)],
);

// ---------------------------------------------------------------------------------------------
// Enterprise identity: API tokens, SCIM provisioning, single sign-on (OIDC), two-factor sign-in.
// Every secret a client presents is stored as a keyed hash (lib/tokens.ts `hashToken`); secrets
// Confero must read back (the IdP client secret, TOTP seeds) are sealed (lib/secret-box.ts).
// ---------------------------------------------------------------------------------------------

/**
 * Personal API tokens of company admins and partner admins, sent as `Authorization: Bearer`.
 * A token acts as its account, limited to its scope; `prefix` (the first characters of the token)
 * lets a list tell tokens apart without showing them.
 */
export const apiTokens = pgTable(
  "api_tokens",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    accountId: uuid("account_id")
      .notNull()
      .references(() => accounts.id, { onDelete: "cascade" }),
    companyId: uuid("company_id").references(() => companies.id, { onDelete: "cascade" }),
    partnerId: uuid("partner_id").references(() => partners.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    scope: text("scope", { enum: ["read", "write"] }).notNull(),
    tokenHash: text("token_hash").notNull(),
    prefix: text("prefix").notNull(),
    createdAt: createdAt(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    lastUsedAt: timestamp("last_used_at", { withTimezone: true }),
    lastUsedIp: text("last_used_ip"),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
  },
  (t) => [
    uniqueIndex("api_tokens_hash_key").on(t.tokenHash),
    index("api_tokens_account_idx").on(t.accountId, t.createdAt),
    index("api_tokens_company_idx").on(t.companyId),
  ],
);

/** A company's SCIM client credentials (one bearer token per IdP connection), created by an admin. */
export const scimTokens = pgTable(
  "scim_tokens",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    companyId: uuid("company_id")
      .notNull()
      .references(() => companies.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    tokenHash: text("token_hash").notNull(),
    prefix: text("prefix").notNull(),
    createdByAccountId: uuid("created_by_account_id").references(() => accounts.id, { onDelete: "set null" }),
    createdAt: createdAt(),
    lastUsedAt: timestamp("last_used_at", { withTimezone: true }),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
  },
  (t) => [
    uniqueIndex("scim_tokens_hash_key").on(t.tokenHash),
    index("scim_tokens_company_idx").on(t.companyId, t.createdAt),
  ],
);

/**
 * A company's OpenID Connect identity provider. `emailDomains` are the domains whose members sign
 * in through it; with `required`, they cannot use a password — except the break-glass admin.
 */
export const companySso = pgTable("company_sso", {
  companyId: uuid("company_id")
    .primaryKey()
    .references(() => companies.id, { onDelete: "cascade" }),
  enabled: boolean("enabled").notNull().default(false),
  issuer: text("issuer").notNull(),
  clientId: text("client_id").notNull(),
  clientSecretSealed: text("client_secret_sealed").notNull(),
  emailDomains: text("email_domains").array().notNull(),
  required: boolean("required").notNull().default(false),
  breakGlassAccountId: uuid("break_glass_account_id").references(() => accounts.id, { onDelete: "set null" }),
  createdAt: createdAt(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

/**
 * A single sign-on in progress: the state handed to the IdP (hashed), with the PKCE verifier and
 * nonce it must come back with. Consumed once, so a replayed callback finds nothing.
 */
export const ssoLoginRequests = pgTable(
  "sso_login_requests",
  {
    stateHash: text("state_hash").primaryKey(),
    companyId: uuid("company_id")
      .notNull()
      .references(() => companies.id, { onDelete: "cascade" }),
    codeVerifier: text("code_verifier").notNull(),
    nonce: text("nonce").notNull(),
    loginHint: text("login_hint"),
    createdAt: createdAt(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
  },
  (t) => [index("sso_login_requests_expires_idx").on(t.expiresAt)],
);

/** An account's TOTP authenticator; `confirmedAt` is null while enrolment awaits its first code. */
export const accountTotp = pgTable("account_totp", {
  accountId: uuid("account_id")
    .primaryKey()
    .references(() => accounts.id, { onDelete: "cascade" }),
  secretSealed: text("secret_sealed").notNull(),
  confirmedAt: timestamp("confirmed_at", { withTimezone: true }),
  /** The last time step a code was accepted for: the same code is not accepted twice. */
  lastUsedStep: bigint("last_used_step", { mode: "number" }),
  createdAt: createdAt(),
});

/** Single-use recovery codes (ten per enrolment), hashed. */
export const totpRecoveryCodes = pgTable(
  "totp_recovery_codes",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    accountId: uuid("account_id")
      .notNull()
      .references(() => accounts.id, { onDelete: "cascade" }),
    codeHash: text("code_hash").notNull(),
    usedAt: timestamp("used_at", { withTimezone: true }),
  },
  (t) => [index("totp_recovery_codes_account_idx").on(t.accountId)],
);

/**
 * A sign-in whose password was right and which now awaits its second factor: the short-lived
 * token the browser holds between the two steps (hashed), with the attempts spent on it.
 */
export const signInChallenges = pgTable(
  "sign_in_challenges",
  {
    tokenHash: text("token_hash").primaryKey(),
    accountId: uuid("account_id")
      .notNull()
      .references(() => accounts.id, { onDelete: "cascade" }),
    createdAt: createdAt(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    failedAttempts: integer("failed_attempts").notNull().default(0),
  },
  (t) => [index("sign_in_challenges_account_idx").on(t.accountId)],
);
