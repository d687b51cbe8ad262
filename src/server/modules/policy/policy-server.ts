import type { FastifyInstance } from "fastify";
import type { Database } from "../../db/client.js";
import type { SecretBox } from "../../lib/secret-box.js";
import { DirectoryPolicy } from "./directory-policy.service.js";
import { ParticipantPropertiesPolicy } from "./participant-properties.service.js";
import { policyRoutes } from "./policy.routes.js";
import type { PolicyCache } from "./policy-cache.js";
import type { PolicyRequestLog } from "./policy-request-log.js";
import type { PolicySettingsSource } from "./policy-settings.js";
import { RegistrationPolicy } from "./registrations.service.js";
import { ServiceConfigurationPolicy } from "./service-configuration.service.js";

/**
 * The policy server's parts, put together: one cache shared by every request type, dropped on
 * every change notification (and, with it, the cached Infinity settings).
 */
export async function registerPolicyServer(
  app: FastifyInstance,
  deps: {
    database: Database;
    cache: PolicyCache;
    settings: PolicySettingsSource & { invalidate(): void };
    sipPasswords: SecretBox;
    log: PolicyRequestLog;
  },
): Promise<void> {
  const { db } = deps.database;
  const { cache } = deps;
  cache.onFlush(() => deps.settings.invalidate());
  await cache.start(deps.database);
  app.addHook("onClose", () => cache.stop());
  const common = { cache, settings: deps.settings };
  await app.register(
    async (scope) =>
      policyRoutes(scope, {
        serviceConfiguration: new ServiceConfigurationPolicy(common),
        participantProperties: new ParticipantPropertiesPolicy(common),
        directory: new DirectoryPolicy({ db, ...common }),
        registrations: new RegistrationPolicy({ db, ...common, sipPasswords: deps.sipPasswords }),
        settings: deps.settings,
        log: deps.log,
      }),
    // The request log keeps every policy request; two log lines each would cost a quarter of the throughput.
    { prefix: "/policy/v1", logLevel: "warn" },
  );
}
