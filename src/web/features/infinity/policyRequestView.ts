import type { PolicyRequestEntry } from "./api";

const POLICY_PREFIX = "/policy/v1";

/** The query string's parameters, decoded, in Infinity's order; malformed ones kept as they are. */
export function queryParams(entry: PolicyRequestEntry): [string, string][] {
  try {
    return [...new URLSearchParams(entry.query)];
  } catch {
    return [["(query)", entry.query]];
  }
}

/** The request type, from its path: "service/configuration", "registrations/<alias>" … */
export function requestName(entry: PolicyRequestEntry): string {
  return entry.path.startsWith(POLICY_PREFIX) ? entry.path.slice(POLICY_PREFIX.length) || "/" : entry.path;
}

/** Who or what it was about: the dialled alias, the registering alias or the directory search. */
export function aliasOf(entry: PolicyRequestEntry): string {
  const params = new Map(queryParams(entry));
  const named = params.get("local_alias") || params.get("alias");
  if (named) return named;
  const registration = /^\/policy\/v1\/(?:registrations|participant\/avatar)\/(.+)$/.exec(entry.path);
  if (registration?.[1]) {
    try {
      return decodeURIComponent(registration[1]);
    } catch {
      return registration[1];
    }
  }
  const searcher = params.get("registration_alias");
  const q = params.get("q");
  if (searcher || q) return `${searcher ?? "?"} searched “${q ?? ""}”`;
  return "";
}

/** The answer in a few words: its action and service type, or how many directory entries. */
export function answerSummary(entry: PolicyRequestEntry): string {
  const answer = entry.answer;
  if (typeof answer !== "object" || answer === null) {
    if (entry.status === 404) return "404: Infinity decides";
    if (entry.status === 401) return "refused: wrong credentials";
    return "—";
  }
  const { action, result, status } = answer as { action?: unknown; result?: unknown; status?: unknown };
  const parts: string[] = [];
  if (Array.isArray(result)) parts.push(`${result.length} ${result.length === 1 ? "entry" : "entries"}`);
  else if (typeof result === "object" && result !== null) {
    const serviceType = (result as { service_type?: unknown }).service_type;
    if (typeof serviceType === "string") parts.push(serviceType);
    else if ("username" in result) parts.push("credentials");
  }
  if (typeof action === "string") parts.push(action);
  else if (parts.length === 0 && typeof status === "string") parts.push(status);
  return parts.join(" · ") || "—";
}

export function formatDuration(ms: number): string {
  return ms < 10 ? ms.toFixed(1) : String(Math.round(ms));
}
