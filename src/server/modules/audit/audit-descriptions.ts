/**
 * Audit events in words: a label per action and one sentence per event, from the before/after
 * each service records. Actions added later without an entry here still read sensibly (the
 * action name humanised, the changed fields listed), so no event is ever shown blank.
 */

export interface FieldChange {
  field: string;
  before: string | null;
  after: string | null;
}

export interface DescribedEvent {
  action: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  /** Who or what the event was about, in words, when known. */
  targetLabel: string | null;
  changes: FieldChange[];
}

const ACTION_LABELS: Record<string, string> = {
  "account.invited": "Invited a member",
  "account.created": "Added an account",
  "account.activated": "Accepted an invitation",
  "account.password_changed": "Changed their password",
  "account.password_reset": "Reset their password",
  "member.updated": "Changed a member",
  "member.deleted": "Deleted a member",
  "members.deleted": "Deleted members",
  "member.password_reset_sent": "Sent a password reset",
  "invitation.resent": "Resent an invitation",
  "invitation.revoked": "Revoked an invitation",
  "invitations.bulk_invited": "Invited members from a file",
  "account.profile_updated": "Changed their profile",
  "personal_room.updated": "Changed a personal VMR",
  "company.created": "Created the company",
  "company.updated": "Changed the company",
  "personal_rooms.host_pins_set": "Set host PINs on personal VMRs",
  "team_room.created": "Added a team room",
  "team_room.updated": "Changed a team room",
  "team_room.deleted": "Deleted a team room",
  "team_room.owners_changed": "Changed who controls a team room",
  "video_system.created": "Added a video system",
  "video_systems.bulk_created": "Added video systems from a file",
  "video_system.updated": "Changed a video system",
  "video_system.deleted": "Deleted a video system",
  "video_system.activation_code_issued": "Issued an activation code",
  "video_system.activated": "Activated a video system",
  "video_system.qr_code_replaced": "Made a new MeetingConnect QR code",
  "video_system.dialled_in": "Dialled a video system into a meeting",
  "account.two_factor_enrolment_started": "Started setting up two-factor sign-in",
  "account.two_factor_enabled": "Turned on two-factor sign-in",
  "account.two_factor_disabled": "Turned off two-factor sign-in",
  "account.two_factor_failed": "Entered a wrong two-factor code",
  "account.two_factor_recovery_code_used": "Signed in with a recovery code",
  "account.two_factor_recovery_codes_regenerated": "Made new recovery codes",
  "api_token.created": "Created an API token",
  "api_token.revoked": "Revoked an API token",
  "api_token.used": "Used an API token",
  "api_token.refused": "Was refused with an API token",
  "api_token.rejected": "Tried an invalid API token",
  "member.provisioned": "Provisioned a member (SCIM)",
  "member.suspended": "Suspended a member",
  "member.reactivated": "Reactivated a member",
  "scim.request_failed": "Sent a SCIM request that failed",
  "scim_token.created": "Created a SCIM token",
  "scim_token.revoked": "Revoked a SCIM token",
  "sso.configured": "Set up single sign-on",
  "sso.updated": "Changed single sign-on",
  "sso.removed": "Removed single sign-on",
  "sso.signed_in": "Signed in with single sign-on",
  "sso.sign_in_failed": "Failed to sign in with single sign-on",
};

const FIELD_LABELS: Record<string, string> = {
  fullName: "name",
  name: "name",
  email: "email",
  videoAddress: "video address",
  role: "role",
  status: "status",
  kind: "kind",
  "personalRoom.name": "personal VMR name",
  "personalRoom.address": "personal VMR address",
  "personalRoom.hostPin": "host PIN",
  "personalRoom.guestPin": "guest PIN",
  hostPin: "host PIN",
  guestPin: "guest PIN",
  address: "address",
  licences: "licences",
  endpointSubscriptions: "endpoint subscriptions",
  vmrSuffix: "VMR suffix",
  hostPinOnAllPersonalRooms: "host PIN on all personal VMRs",
  timeZone: "time zone",
  hostedDomains: "hosted domains",
  videoDomains: "video domains",
  domainSetup: "domain setup",
  partner: "partner",
  slug: "slug",
  firstAdmin: "first administrator",
  rooms: "rooms",
};

const VALUE_LABELS: Record<string, string> = {
  admin: "Admin",
  member: "Member",
  partner_admin: "Partner admin",
  operator: "Operator",
  active: "Active",
  invited: "Invited",
  suspended: "Suspended",
  hosted: "Domain hosting",
  service_subdomain: "Service subdomain",
  service_root: "Service root domain",
};

// Keys whose values must never be shown even if a future change records them by mistake. PINs
// are recorded as "set" / "not set", which may show.
const SECRET_KEY = /password|token|secret|hash/i;
const PIN_KEY = /pin$/i;

/** `member.profile_updated` → "Member profile updated": unknown actions still read as words. */
export function humaniseAction(action: string): string {
  const words = action.replace(/[._]+/g, " ").trim();
  return words ? words.charAt(0).toUpperCase() + words.slice(1) : "Change";
}

export function actionLabel(action: string): string {
  return ACTION_LABELS[action] ?? humaniseAction(action);
}

export function fieldLabel(key: string): string {
  return (
    FIELD_LABELS[key] ??
    key
      .replace(/([a-z])([A-Z])/g, "$1 $2")
      .replace(/[._]+/g, " ")
      .toLowerCase()
  );
}

/** A recorded value in words; null when there was none. */
export function formatValue(key: string, value: unknown): string | null {
  if (value === null || value === undefined || value === "") return null;
  if (SECRET_KEY.test(key)) return "(hidden)";
  if (PIN_KEY.test(key) && value !== "set" && value !== "not set") return "(hidden)";
  if (typeof value === "boolean") return value ? "on" : "off";
  if (typeof value === "string") return VALUE_LABELS[value] ?? value;
  if (typeof value === "number") return String(value);
  if (Array.isArray(value)) {
    const items = value.map((v) => formatValue(key, v)).filter((v): v is string => v !== null);
    return items.length > 0 ? items.join(", ") : null;
  }
  if (typeof value === "object") {
    const parts = Object.entries(value as Record<string, unknown>)
      .filter(([k]) => !isIdKey(k))
      .map(([k, v]) => formatValue(k, v))
      .filter((v): v is string => v !== null);
    // An admin's email and video address are often the same text: say it once.
    return parts.length > 0 ? [...new Set(parts)].join(", ") : null;
  }
  return String(value);
}

// Ids are for machines: the changes list leaves them out (the target carries its id).
const isIdKey = (key: string) => key === "id" || /Id$/.test(key);

/** The fields that differ between before and after, in words. */
export function fieldChanges(
  before: Record<string, unknown> | null,
  after: Record<string, unknown> | null,
): FieldChange[] {
  const keys = [...new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})])];
  const changes: FieldChange[] = [];
  for (const key of keys) {
    if (isIdKey(key)) continue;
    // Compared as recorded, not as shown: two hidden values that differ are still a change.
    if (JSON.stringify(before?.[key] ?? null) === JSON.stringify(after?.[key] ?? null)) continue;
    const from = formatValue(key, before?.[key]);
    const to = formatValue(key, after?.[key]);
    changes.push({ field: fieldLabel(key), before: from, after: to });
  }
  return changes;
}

const joinWords = (words: readonly string[]) =>
  words.length <= 1 ? (words[0] ?? "") : `${words.slice(0, -1).join(", ")} and ${words.at(-1)}`;

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** "Changed role from Member to Admin"; more than two fields are only named. */
export function changeSentence(changes: readonly FieldChange[]): string | null {
  if (changes.length === 0) return null;
  if (changes.length > 2) return `Changed ${joinWords(changes.map((c) => c.field))}`;
  const phrases = changes.map((c) => {
    if (c.before === null) return { verb: "set", rest: `${c.field} to ${c.after}` };
    if (c.after === null) return { verb: "removed", rest: `${c.field} (was ${c.before})` };
    return { verb: "changed", rest: `${c.field} from ${c.before} to ${c.after}` };
  });
  // "Changed a from 1 to 2 and b from 3 to 4": a verb is said once while it stays the same.
  const words = phrases.map((p, i) =>
    i > 0 && phrases[i - 1]?.verb === p.verb ? p.rest : `${p.verb} ${p.rest}`,
  );
  return capitalise(joinWords(words));
}

const text = (record: Record<string, unknown> | null, key: string) => {
  const value = record?.[key];
  return typeof value === "string" && value !== "" ? value : null;
};

/** "Ann Lee (ann@example.com)", or whichever of the two is known. */
function person(record: Record<string, unknown> | null, fallback: string | null): string {
  const name = text(record, "fullName") ?? text(record, "name");
  const email = text(record, "email");
  if (name && email) return `${name} (${email})`;
  return name ?? email ?? fallback ?? "someone";
}

/** One readable sentence for an event. */
export function summarise(event: DescribedEvent): string {
  const { before, after, targetLabel: label } = event;
  const subject = after ?? before;
  switch (event.action) {
    case "account.invited": {
      const role = formatValue("role", after?.role);
      return `Invited ${person(after, label)}${role ? ` as ${role}` : ""}`;
    }
    case "account.created":
      return `Added ${person(after, label)}`;
    case "account.activated":
      return `${label ?? "The member"} accepted their invitation and chose a password`;
    case "account.password_changed":
      return `${label ?? "The account"} changed their password`;
    case "account.password_reset":
      return `${label ?? "The account"} set a new password with a reset link`;
    case "member.deleted":
      return `Deleted ${person(before, label)}`;
    case "member.password_reset_sent":
      return `Sent a password reset link to ${label ?? "the member"}`;
    case "invitation.resent":
      return `Resent the invitation to ${text(after, "email") ?? label ?? "the member"}`;
    case "invitation.revoked":
      return `Revoked the invitation of ${person(before, label)}`;
    case "company.created":
      return `Created ${text(after, "name") ?? label ?? "the company"}`;
    case "invitations.bulk_invited": {
      const invited = typeof after?.invited === "number" ? after.invited : null;
      const skipped = typeof after?.skipped === "number" ? after.skipped : 0;
      if (invited === null) return "Invited members from a file";
      const rest = skipped > 0 ? ` (${plural(skipped, "row", "rows")} skipped)` : "";
      return `Invited ${plural(invited, "member", "members")} from a file${rest}`;
    }
    case "personal_rooms.host_pins_set": {
      const rooms = typeof after?.rooms === "number" ? after.rooms : null;
      return rooms === null
        ? "Set a host PIN on every personal VMR without one"
        : `Set a host PIN on ${plural(rooms, "personal VMR", "personal VMRs")} without one`;
    }
  }
  if (before && after) {
    // The object is shown beside the sentence, so the sentence says only what changed.
    const sentence = changeSentence(event.changes);
    if (sentence) return sentence;
  }
  const name = label ?? (subject ? person(subject, null) : null);
  return name && name !== "someone" ? `${actionLabel(event.action)}: ${name}` : actionLabel(event.action);
}
