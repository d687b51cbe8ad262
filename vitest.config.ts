import { availableParallelism } from "node:os";
import { defineConfig } from "vitest/config";

/**
 * Unit tests (`*.test.ts`) and integration tests (`*.int.test.ts`). Integration tests run on
 * PGlite by default; `TEST_DB=postgres` (set by `npm test` when TEST_DATABASE_URL is set) runs
 * only the integration tests again on PostgreSQL, each file in its own fresh database.
 */
const onPostgres = process.env.TEST_DB === "postgres";

export default defineConfig({
  test: {
    include: onPostgres
      ? ["src/**/*.int.test.ts", "test/**/*.int.test.ts"]
      : ["src/**/*.test.ts", "test/**/*.test.ts"],
    exclude: ["node_modules", "dist", "e2e"],
    pool: "forks",
    // Vitest's default (cores − 1) runs one file at a time on a 2-core machine; the files spend
    // much of their time waiting on PGlite or PostgreSQL, so two at once cut the run by a third.
    maxWorkers: Math.max(2, availableParallelism() - 1),
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
