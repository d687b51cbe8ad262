import { Command } from "commander";
import { ConfigError } from "../server/config.js";
import { AppError } from "../server/errors.js";
import { createOperatorCommand } from "./create-operator.js";
import { migrateCommand } from "./migrate.js";
import { seedDemoCommand } from "./seed-demo.js";
import { serveCommand } from "./serve.js";
import { simulateCallsCommand } from "./simulate-calls.js";

/** `confero` — every command reads the same environment as the server (see README). */
const program = new Command()
  .name("confero")
  .description("Confero: self-hosted administration for business video meetings")
  .showHelpAfterError();

program
  .command("serve")
  .description("serve the web app and API (the default of `npm start`)")
  .action(serveCommand);
program.command("migrate").description("apply database migrations and exit").action(migrateCommand);
program
  .command("create-operator")
  .description("create a service operator account (on an empty database, also sets the service up)")
  .requiredOption("--email <email>", "the operator's email, used to sign in")
  .requiredOption("--name <full name>", "the operator's full name")
  .option("--password-stdin", "read the password from standard input instead of a prompt")
  .option("--service-name <name>", "service name, when the service is not set up yet")
  .option("--service-domain <domain>", "service domain, e.g. video.example.com, when not set up yet")
  .option("--vmr-suffix <suffix>", "default VMR suffix when not set up yet", ".vmr")
  .action(createOperatorCommand);
program
  .command("seed-demo")
  .description("add a demo partner, two companies with admins and members, and print their credentials")
  .option("--json", "print everything created as one JSON document on stdout")
  .action(seedDemoCommand);
program
  .command("simulate-calls")
  .description(
    "drive a running Confero as Pexip Infinity would: policy requests and event-sink events for simulated calls",
  )
  .option("--url <url>", "the Confero to drive", "http://localhost:3000")
  .option("--policy-user <name>", "policy API username (default: POLICY_USERNAME)")
  .option("--policy-password <password>", "policy API password (default: POLICY_PASSWORD)")
  .option("--sink-user <name>", "event sink username (default: EVENT_SINK_USERNAME)")
  .option("--sink-password <password>", "event sink password (default: EVENT_SINK_PASSWORD)")
  .option("--aliases <file>", "the company's addresses to call, one per line (optionally ,display name)")
  .option(
    "--company-alias <address>",
    "any address of the company: its directory (policy API) gives the addresses",
  )
  .option("--nodes <n>", "Conferencing Nodes, each with its own event stream", "2")
  .option("--calls <n>", "calls to simulate", "100")
  .option("--days <n>", "history mode: calls spread over the last N days (default 7)")
  .option("--rate <calls per minute>", "live mode: start calls now at this rate")
  .option("--speed <factor>", "live mode: time runs this much faster (shorter calls)", "1")
  .option("--seed <n>", "random seed: the same seed gives the same calls (default: random)")
  .option("--bulk", "send eventsink_bulk envelopes instead of one event per request")
  .option("--version <1|2>", "event sink protocol version", "2")
  .option("--time-zone <zone>", "the company's time zone, for working hours", "UTC")
  .action(simulateCallsCommand);

try {
  await program.parseAsync(process.argv);
} catch (error) {
  if (error instanceof ConfigError || error instanceof AppError) {
    console.error(error.message);
    if ("fields" in error && error.fields)
      console.error(
        Object.values(error.fields)
          .map((f) => `  - ${f}`)
          .join("\n"),
      );
  } else {
    console.error(error instanceof Error ? error.message : error);
  }
  process.exitCode = 1;
}
