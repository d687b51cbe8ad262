const UTC_ALIASES = /^(Etc\/)?(UTC|UCT|GMT|Universal|Zulu|Greenwich)$/;

/**
 * The browser's own time zone, the sensible default for a new company. Machines set to UTC
 * often report an alias such as "Etc/UTC", which the IANA list (and so the server) only knows
 * as "UTC".
 */
export function browserTimeZone(): string {
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  if (!zone || UTC_ALIASES.test(zone)) return "UTC";
  return zone;
}

/** Every IANA time zone the browser knows, plus "UTC" (which the list omits but the server accepts). */
export function knownTimeZones(): string[] {
  return [...new Set([...Intl.supportedValuesOf("timeZone"), "UTC"])];
}
