#!/usr/bin/env node
// `npm test`: every check this machine can run, in order, stopping at the first failure:
// lint and format (Biome), types (tsc), build, unit + integration tests on PGlite, the
// integration tests again on PostgreSQL when TEST_DATABASE_URL is set, and the browser tests
// when Chromium is installed (required when E2E_REQUIRED=1). Ends with one summary line.
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const bin = (pkg, file) => path.join(root, "node_modules", pkg, file);
const reports = mkdtempSync(path.join(tmpdir(), "confero-test-"));
const totals = { passed: 0, failed: 0, skipped: 0 };

function step(title, args, env = {}) {
  process.stdout.write(`\n▶ ${title}\n`);
  const result = spawnSync(process.execPath, args, {
    cwd: root,
    stdio: "inherit",
    env: { ...process.env, ...env },
  });
  if (result.status !== 0) {
    process.stdout.write(`\n✗ ${title} failed\n${totals.passed} passed, ${totals.failed + 1} failed\n`);
    process.exit(result.status ?? 1);
  }
}

function countVitest(file) {
  const report = JSON.parse(readFileSync(file, "utf8"));
  totals.passed += report.numPassedTests;
  totals.failed += report.numFailedTests;
  totals.skipped += report.numPendingTests + report.numTodoTests;
}

function countPlaywright(file) {
  const { stats } = JSON.parse(readFileSync(file, "utf8"));
  totals.passed += stats.expected + stats.flaky;
  totals.failed += stats.unexpected;
  totals.skipped += stats.skipped;
}

step("Lint and format (Biome)", [bin("@biomejs/biome", "bin/biome"), "check", "."]);
step("Types: server, CLI, tests", [bin("typescript", "bin/tsc"), "--noEmit", "-p", "tsconfig.json"]);
step("Types: web app", [bin("typescript", "bin/tsc"), "--noEmit", "-p", "tsconfig.web.json"]);
step("Build", [path.join(root, "scripts/build-if-needed.mjs")]);

const vitest = bin("vitest", "vitest.mjs");
const vitestRun = (file) => [
  vitest,
  "run",
  "--reporter=default",
  "--reporter=json",
  `--outputFile.json=${file}`,
];
step("Unit and integration tests on PGlite", vitestRun(path.join(reports, "pglite.json")));
countVitest(path.join(reports, "pglite.json"));

if (process.env.TEST_DATABASE_URL) {
  step("Integration tests on PostgreSQL", vitestRun(path.join(reports, "postgres.json")), {
    TEST_DB: "postgres",
  });
  countVitest(path.join(reports, "postgres.json"));
} else {
  process.stdout.write("\n– PostgreSQL tests not run: set TEST_DATABASE_URL=postgres://… to run them.\n");
}

const chromium =
  process.env.CHROMIUM_PATH ?? ["/usr/bin/chromium", "/usr/bin/chromium-browser"].find(existsSync);
if (chromium) {
  const report = path.join(reports, "playwright.json");
  step(
    "Browser tests (Playwright, Chromium)",
    [bin("@playwright/test", "cli.js"), "test", "--reporter=list,json"],
    {
      CHROMIUM_PATH: chromium,
      PLAYWRIGHT_JSON_OUTPUT_NAME: report,
    },
  );
  countPlaywright(report);
} else if (process.env.E2E_REQUIRED === "1") {
  process.stdout.write("\n✗ Browser tests are required (E2E_REQUIRED=1) but Chromium is not installed.\n");
  process.stdout.write(`${totals.passed} passed, 1 failed\n`);
  process.exit(1);
} else {
  process.stdout.write(
    "\n– Browser tests not run: install Chromium (apt-get install chromium) to run them.\n",
  );
}

process.stdout.write(
  `\nAll checks passed.\n${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped\n`,
);
