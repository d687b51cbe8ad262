/** An ILIKE pattern matching `q` anywhere: `%`, `_` and `\` typed into a search box match themselves. */
export function containsPattern(q: string): string {
  return `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
