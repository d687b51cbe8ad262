import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { count } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createTestApp } from "../../test/helpers/test-app.js";
import { createTestDatabase, type TestDatabase, testDatabaseKind } from "../../test/helpers/test-database.js";
import { openDatabase } from "../server/db/client.js";
import { accounts, service } from "../server/db/schema.js";
import { ValidationError } from "../server/errors.js";
import type { SeedDemoResult } from "../server/modules/demo/seed-demo.js";
import { type CreateOperatorOptions, createOperator } from "./create-operator.js";
import { migrateCommand } from "./migrate.js";
import { seedDemoCommand } from "./seed-demo.js";

/**
 * The CLI commands run in-process against the database the environment names, exactly as
 * `confero <command>` would: PGlite in a fresh DATA_DIR, or a fresh PostgreSQL database.
 */
const CONFIG_VARIABLES = ["PORT", "HOST", "DATA_DIR", "DATABASE_URL", "PUBLIC_URL", "SMTP_URL", "MAIL_FROM"];
const ALL_VARIABLES = [...CONFIG_VARIABLES, "SESSION_SECRET", "LOG_LEVEL"];

let savedEnv: Record<string, string | undefined>;
let dataDir: string;
let postgres: TestDatabase | undefined;

beforeEach(async () => {
  savedEnv = Object.fromEntries(ALL_VARIABLES.map((name) => [name, process.env[name]]));
  for (const name of ALL_VARIABLES) delete process.env[name];
  dataDir = mkdtempSync(path.join(tmpdir(), "confero-cli-"));
  process.env.DATA_DIR = dataDir;
  if (testDatabaseKind() === "postgres") {
    postgres = await createTestDatabase({ migrate: false });
    process.env.DATABASE_URL = postgres.url ?? "";
    process.env.SESSION_SECRET = "cli-test-secret-cli-test-secret-0123456";
  }
});
afterEach(async () => {
  for (const [name, value] of Object.entries(savedEnv)) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
  await postgres?.close();
  postgres = undefined;
  rmSync(dataDir, { recursive: true, force: true });
  vi.restoreAllMocks();
});

/** What a command printed on stdout (console.log and direct writes), and what it threw. */
async function run(command: () => Promise<void>): Promise<{ stdout: string; error: unknown }> {
  let stdout = "";
  vi.spyOn(console, "log").mockImplementation((...args: unknown[]) => {
    stdout += `${args.join(" ")}\n`;
  });
  vi.spyOn(process.stdout, "write").mockImplementation((chunk: string | Uint8Array) => {
    stdout += chunk.toString();
    return true;
  });
  try {
    await command();
    return { stdout, error: null };
  } catch (error) {
    return { stdout, error };
  } finally {
    vi.restoreAllMocks();
  }
}

/**
 * The app on the database the CLI wrote to. On PGlite this opens DATA_DIR, which only works
 * because every command closed (and unlocked) its database before returning.
 */
async function appOnCliDatabase() {
  const database = postgres ?? { ...(await openDatabase({ kind: "pglite", dataDir })), url: null };
  const t = await createTestApp({ database });
  return {
    ...t,
    close: async () => {
      await t.close();
      if (database !== postgres) await database.close();
    },
  };
}

const OPERATOR: CreateOperatorOptions = {
  email: "Ops@Example.com",
  name: "Ola Ops",
  passwordStdin: true,
  vmrSuffix: ".vmr",
};
const GOOD_PASSWORD = "a long enough password";
const withPassword = (password: string) => () => Promise.resolve(password);

/** The message and field lines the `confero` entry point prints for a refused command. */
function printed(error: unknown): string {
  if (!(error instanceof Error)) throw new Error(`expected the command to fail, got ${String(error)}`);
  const fields = error instanceof ValidationError ? Object.values(error.fields) : [];
  return [error.message, ...fields].join("\n");
}

describe("confero migrate", () => {
  it("applies the migrations, then reports the database up to date", async () => {
    const first = await run(migrateCommand);
    expect(first.error).toBeNull();
    expect(first.stdout).toMatch(/^Applied \d+ migration\(s\) to .+: 0000_initial/);

    const second = await run(migrateCommand);
    expect(second.error).toBeNull();
    expect(second.stdout).toMatch(/is up to date\.\n$/);
  });
});

describe("confero create-operator", () => {
  it("on an empty database, asks for the service options and creates nothing without them", async () => {
    const { error } = await run(() => createOperator(OPERATOR, withPassword(GOOD_PASSWORD)));
    expect(error).toBeInstanceOf(ValidationError);
    expect(printed(error)).toMatch(/--service-name/);
    expect(printed(error)).toMatch(/--service-domain/);

    const t = await appOnCliDatabase();
    try {
      expect((await t.db.select({ n: count() }).from(accounts))[0]?.n).toBe(0);
      expect((await t.db.select({ n: count() }).from(service))[0]?.n).toBe(0);
    } finally {
      await t.close();
    }
  });

  it("with them, sets the service up and creates an operator who can sign in", async () => {
    const setUp = await run(() =>
      createOperator(
        { ...OPERATOR, serviceName: "Example Video", serviceDomain: "Video.Example.com" },
        withPassword(GOOD_PASSWORD),
      ),
    );
    expect(setUp.error).toBeNull();
    expect(setUp.stdout).toContain("Created operator Ola Ops <ops@example.com>. The service is set up.");

    // Once the service exists, another operator needs no service options.
    const second = await run(() =>
      createOperator(
        { ...OPERATOR, email: "second@example.com", name: "Sam Second" },
        withPassword(GOOD_PASSWORD),
      ),
    );
    expect(second.error).toBeNull();
    expect(second.stdout).toBe("Created operator Sam Second <second@example.com>.\n");

    const t = await appOnCliDatabase();
    try {
      const [row] = await t.db.select().from(service);
      expect(row).toMatchObject({ name: "Example Video", domains: ["video.example.com"] });
      const login = (password: string) =>
        t.client().post("/api/v1/auth/login", { login: "ops@example.com", password });
      const signedIn = await login(GOOD_PASSWORD);
      expect(signedIn.statusCode).toBe(200);
      expect(signedIn.json()).toMatchObject({ kind: "operator", service: { name: "Example Video" } });
      expect((await login("not the password")).statusCode).toBe(401);
    } finally {
      await t.close();
    }
  });

  it("refuses a too-short password and creates nothing", async () => {
    await run(migrateCommand);
    const { error } = await run(() =>
      createOperator(
        { ...OPERATOR, serviceName: "Example Video", serviceDomain: "video.example.com" },
        withPassword("short"),
      ),
    );
    expect(printed(error)).toMatch(/password: Use at least 10 characters/);

    const t = await appOnCliDatabase();
    try {
      expect((await t.db.select({ n: count() }).from(accounts))[0]?.n).toBe(0);
    } finally {
      await t.close();
    }
  });
});

describe("confero seed-demo", () => {
  it("prints one JSON document whose every account can sign in, and refuses to seed twice", async () => {
    const { stdout, error } = await run(() => seedDemoCommand({ json: true }));
    expect(error).toBeNull();
    // JSON.parse fails on anything printed besides the one document.
    const seeded = JSON.parse(stdout) as SeedDemoResult;
    expect(seeded.service.domains.length).toBeGreaterThan(0);
    expect(seeded.partners).toHaveLength(1);
    expect(seeded.companies.length).toBeGreaterThanOrEqual(2);
    for (const company of seeded.companies) expect(company.videoDomains.length).toBeGreaterThan(0);
    expect(new Set(seeded.accounts.map((a) => a.kind))).toEqual(
      new Set(["operator", "partner_admin", "member"]),
    );
    for (const account of seeded.accounts) {
      expect(account).toEqual(
        expect.objectContaining({
          email: expect.any(String),
          password: expect.any(String),
          kind: expect.any(String),
        }),
      );
      expect(account).toHaveProperty("role");
    }

    const again = await run(() => seedDemoCommand({ json: true }));
    expect(printed(again.error)).toMatch(/demo data is already in this database/);
    expect(again.stdout).toBe("");

    const t = await appOnCliDatabase();
    try {
      for (const account of seeded.accounts) {
        const logins = [account.email, ...(account.videoAddress ? [account.videoAddress.toUpperCase()] : [])];
        for (const login of logins) {
          const response = await t.client().post("/api/v1/auth/login", { login, password: account.password });
          expect(response.statusCode, login).toBe(200);
          expect(response.json()).toMatchObject({
            email: account.email,
            kind: account.kind,
            role: account.role,
          });
        }
      }
    } finally {
      await t.close();
    }
  });
});
