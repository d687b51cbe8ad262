import { afterAll, afterEach, beforeAll, beforeEach } from "vitest";
import { buildApp } from "../../src/server/app.js";
import type { Config } from "../../src/server/config.js";
import type { Db } from "../../src/server/db/client.js";
import { type AuthLimits, DEFAULT_AUTH_LIMITS } from "../../src/server/modules/auth/auth.service.js";
import { TestClient } from "./test-client.js";
import { createTestDatabase, type TestDatabase, truncateAll } from "./test-database.js";

export function testConfig(overrides: Partial<Config> = {}): Config {
  return {
    port: 0,
    host: "127.0.0.1",
    dataDir: "/nonexistent",
    databaseUrl: null,
    publicUrl: "http://confero.test",
    smtpUrl: null,
    mailFrom: "Confero <no-reply@confero.test>",
    sessionSecret: "test-secret-test-secret-test-secret-0123",
    logLevel: "silent",
    secureCookies: false,
    ...overrides,
  };
}

export interface TestApp {
  app: Awaited<ReturnType<typeof buildApp>>["app"];
  services: Awaited<ReturnType<typeof buildApp>>["services"];
  database: TestDatabase;
  db: Db;
  config: Config;
  /** A new browser-like client with its own cookie jar. */
  client(): TestClient;
  close(): Promise<void>;
}

export async function createTestApp(
  options: { config?: Partial<Config>; authLimits?: Partial<AuthLimits>; database?: TestDatabase } = {},
): Promise<TestApp> {
  const database = options.database ?? (await createTestDatabase());
  const config = testConfig(options.config);
  const { app, services } = await buildApp({
    config,
    database,
    logger: false,
    serveWeb: false,
    backgroundJobs: false,
    authLimits: { ...DEFAULT_AUTH_LIMITS, ...options.authLimits },
  });
  await app.ready();
  return {
    app,
    services,
    database,
    db: database.db,
    config,
    client: () => new TestClient(app),
    close: async () => {
      await app.close();
      if (!options.database) await database.close();
    },
  };
}

/**
 * Vitest hooks giving each test a fresh app (fresh rate limiters) on an emptied database that
 * is created and migrated once per file. Use the returned getter inside tests.
 */
export function useTestApp(
  options: { config?: Partial<Config>; authLimits?: Partial<AuthLimits> } = {},
): () => TestApp {
  let database: TestDatabase | undefined;
  let current: TestApp | undefined;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  beforeEach(async () => {
    if (!database) throw new Error("test database not ready");
    await truncateAll(database);
    current = await createTestApp({ ...options, database });
  });
  afterEach(async () => {
    await current?.close();
    current = undefined;
  });
  afterAll(async () => {
    await database?.close();
  });
  return () => {
    if (!current) throw new Error("useTestApp(): call the getter inside a test");
    return current;
  };
}
