import { buildApp } from "./app.js";
import type { Config } from "./config.js";
import { openConfiguredDatabase } from "./db/open-configured.js";
import { MailWorker } from "./modules/mail/mail-worker.js";

/**
 * Starts Confero: database (migrated), HTTP server, mail worker; prints where to open it and,
 * on an empty database, the one-time setup link. SIGTERM/SIGINT stop it gracefully: no new
 * requests, in-flight ones finish, the mail worker delivers what is due, the database closes.
 */
export async function startServer(config: Config): Promise<void> {
  const startedAt = performance.now();
  const database = await openConfiguredDatabase(config);
  const { app, services } = await buildApp({ config, database });
  const log = app.log;
  if (database.applied.length > 0) log.info({ migrations: database.applied }, "database migrated");

  const worker = new MailWorker({ db: database.db, log, smtpUrl: config.smtpUrl, from: config.mailFrom });
  await app.listen({ port: config.port, host: config.host });
  worker.start();

  const address = app.server.address();
  const port = typeof address === "object" && address ? address.port : config.port;
  const openAt = config.publicUrl;
  log.info(
    {
      port,
      database: database.where,
      mail: config.smtpUrl ? "smtp" : "log",
      startupMs: Math.round(performance.now() - startedAt),
    },
    `Confero is listening on port ${port}`,
  );
  process.stderr.write(`\n  Confero is running: open ${openAt}\n  Database: ${database.where}\n`);

  const setupLink = await services.setup.issueSetupLink();
  if (setupLink) {
    log.info({ setupLink }, "first-run setup required");
    process.stderr.write(
      `\n  First-run setup: open this one-time link to set up the service:\n  ${setupLink}\n\n`,
    );
  }

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, "shutting down");
    const force = setTimeout(() => process.exit(1), 15_000);
    force.unref();
    // app.close() closes the idle keep-alive connections once; one whose request is still in
    // flight turns idle only later and would hold the exit until the force timeout (exit 1).
    const sweep = setInterval(() => app.server.closeIdleConnections(), 50);
    try {
      await app.close();
      clearInterval(sweep);
      await worker.stop();
      await database.close();
      log.info("stopped");
      process.exit(0);
    } catch (error) {
      log.error({ err: error }, "shutdown failed");
      process.exit(1);
    }
  };
  process.once("SIGTERM", () => void stop("SIGTERM"));
  process.once("SIGINT", () => void stop("SIGINT"));
}
