/**
 * `?next=` comes from the address bar, so only same-site paths are followed; anything else
 * (another origin, "//evil.example") falls back to the home page.
 */
export function safeNextPath(next: string | null): string {
  if (!next?.startsWith("/") || next.startsWith("//") || next.startsWith("/\\")) return "/";
  return next;
}
