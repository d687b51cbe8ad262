import type { VideoSystem } from "../../api/types";

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ["year", 365 * 24 * 3600],
  ["month", 30 * 24 * 3600],
  ["week", 7 * 24 * 3600],
  ["day", 24 * 3600],
  ["hour", 3600],
  ["minute", 60],
];

/** "5 minutes ago", "yesterday", "just now". */
export function relativeTime(iso: string, now: Date = new Date()): string {
  const seconds = Math.round((new Date(iso).getTime() - now.getTime()) / 1000);
  const format = new Intl.RelativeTimeFormat("en", { numeric: "auto" });
  for (const [unit, size] of UNITS) {
    if (Math.abs(seconds) >= size) return format.format(Math.round(seconds / size), unit);
  }
  return "just now";
}

/** Not activated / Activated / Registered (last seen …), as the tab and the pages show it. */
export function statusText(system: Pick<VideoSystem, "status" | "registeredAt">, now?: Date): string {
  switch (system.status) {
    case "registered":
      return `Registered (last seen ${system.registeredAt ? relativeTime(system.registeredAt, now) : "—"})`;
    case "activated":
      return "Activated";
    case "not_activated":
      return "Not activated";
  }
}

export const STATUS_COLOURS: Record<VideoSystem["status"], string> = {
  registered: "green",
  activated: "blue",
  not_activated: "gray",
};

/** The two pages of helper B, under the company administration. */
export function videoSystemLinks(companyId: string, id: string) {
  const base = `/companies/${companyId}/admin/video-systems/${id}`;
  return { page: base, activation: `${base}/activation`, qr: `${base}/qr` };
}
