import { buildApp } from "../../src/server/app.js";
import type { Config } from "../../src/server/config.js";
import { createTestDatabase } from "../../test/helpers/test-database.js";

/**
 * A Confero of a spec's own, in the spec's process: a fresh in-memory database and the built web
 * app on `port`. For specs that must write to the database themselves (the shared server's
 * embedded database belongs to its own process).
 */
export async function startOwnConfero(port: number, sessionSecret: string) {
  const database = await createTestDatabase();
  const config: Config = {
    port,
    host: "127.0.0.1",
    dataDir: "/nonexistent",
    databaseUrl: null,
    publicUrl: `http://127.0.0.1:${port}`,
    smtpUrl: null,
    mailFrom: "Confero <no-reply@confero.test>",
    sessionSecret,
    logLevel: "silent",
    secureCookies: false,
  };
  const { app, services } = await buildApp({ config, database, logger: false, backgroundJobs: false });
  await app.listen({ port, host: "127.0.0.1" });
  return {
    app,
    services,
    database,
    config,
    close: async () => {
      await app.close();
      await database.close();
    },
  };
}
