/**
 * PostgreSQL's unique-violation (23505), as raised by `pg` and PGlite alike and possibly wrapped
 * by Drizzle. Optionally only for one named constraint or index.
 */
export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  for (let e: unknown = error; e && typeof e === "object"; e = (e as { cause?: unknown }).cause) {
    const candidate = e as { code?: unknown; constraint?: unknown };
    if (candidate.code === "23505") return constraint === undefined || candidate.constraint === constraint;
  }
  return false;
}
