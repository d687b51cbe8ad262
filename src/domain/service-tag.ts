/**
 * The `service_tag` Confero gives Infinity with every service it routes. Infinity echoes it in
 * its events (`tag` on conference events, `service_tag` on participant events), and the usage
 * figures attribute each call by it: `confero:v1:<company id>:<kind>:<object id>` — about 90
 * characters, well under Infinity's 250.
 */
export type ServiceTagKind = "personal_room" | "team_room" | "member" | "video_system";

export interface ServiceTag {
  companyId: string;
  kind: ServiceTagKind;
  id: string;
}

const PREFIX = "confero:v1:";
const KINDS: readonly string[] = ["personal_room", "team_room", "member", "video_system"];
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export function formatServiceTag(tag: ServiceTag): string {
  return `${PREFIX}${tag.companyId}:${tag.kind}:${tag.id}`;
}

/** The tag's parts, or null for a tag Confero did not make (another policy, a hand-made service). */
export function parseServiceTag(raw: string | null | undefined): ServiceTag | null {
  if (!raw?.startsWith(PREFIX)) return null;
  const [companyId, kind, id, ...rest] = raw.slice(PREFIX.length).split(":");
  if (rest.length > 0 || !companyId || !kind || !id) return null;
  if (!UUID.test(companyId) || !UUID.test(id) || !KINDS.includes(kind)) return null;
  return { companyId, kind: kind as ServiceTagKind, id };
}
