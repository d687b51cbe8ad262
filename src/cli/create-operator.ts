import { emailProblem, normaliseEmail } from "../domain/email.js";
import { passwordProblem } from "../domain/password.js";
import {
  domainProblem,
  normaliseDomain,
  normaliseVmrSuffix,
  vmrSuffixProblem,
} from "../domain/service-settings.js";
import { loadConfig } from "../server/config.js";
import { openConfiguredDatabase } from "../server/db/open-configured.js";
import { ValidationError } from "../server/errors.js";
import { CLI_ACTOR } from "../server/modules/auth/actor.js";
import { insertOperator, prepareOperator } from "../server/modules/operator/operators.service.js";
import { findService } from "../server/modules/setup/service.repository.js";
import { SetupService } from "../server/modules/setup/setup.service.js";
import { promptPassword, readPasswordFromStdin } from "./read-password.js";

export interface CreateOperatorOptions {
  email: string;
  name: string;
  passwordStdin?: boolean;
  serviceName?: string;
  serviceDomain?: string;
  vmrSuffix: string;
}

/** The commander action (commander passes its Command as a second argument, so none is taken). */
export function createOperatorCommand(options: CreateOperatorOptions): Promise<void> {
  return createOperator(options, () =>
    options.passwordStdin ? readPasswordFromStdin() : promptPassword("Password: "),
  );
}

/** `readPassword` is where the password comes from: stdin or a prompt, or a string in tests. */
export async function createOperator(
  options: CreateOperatorOptions,
  readPassword: () => Promise<string>,
): Promise<void> {
  const config = loadConfig();
  const password = await readPassword();
  const problems: Record<string, string> = {};
  const emailIssue = emailProblem(normaliseEmail(options.email));
  if (emailIssue) problems.email = `--email: ${emailIssue}`;
  if (!options.name.trim()) problems.name = "--name: Required.";
  const passwordIssue = passwordProblem(password);
  if (passwordIssue) problems.password = `password: ${passwordIssue}`;
  if (Object.keys(problems).length > 0)
    throw new ValidationError(problems, "The operator cannot be created:");

  const database = await openConfiguredDatabase(config);
  try {
    const setup = new SetupService({
      db: database.db,
      sessionSecret: config.sessionSecret,
      publicUrl: config.publicUrl,
    });
    const needsSetup = !(await findService(database.db));
    if (needsSetup) validateServiceOptions(options);
    const operator = await prepareOperator({ fullName: options.name, email: options.email, password });
    const account = await database.db.transaction(async (tx) => {
      if (needsSetup) {
        await setup.setUpWithoutLink(tx, CLI_ACTOR, {
          serviceName: options.serviceName ?? "",
          serviceDomain: options.serviceDomain ?? "",
          vmrSuffix: options.vmrSuffix,
        });
      }
      return insertOperator(tx, CLI_ACTOR, operator);
    });
    console.log(
      `Created operator ${account.fullName} <${account.email}>.${needsSetup ? " The service is set up." : ""}`,
    );
  } finally {
    await database.close();
  }
}

function validateServiceOptions(options: CreateOperatorOptions): void {
  const problems: Record<string, string> = {};
  if (!options.serviceName?.trim()) problems.serviceName = "--service-name: Required on an empty database.";
  const domainIssue = domainProblem(normaliseDomain(options.serviceDomain ?? ""));
  if (domainIssue) problems.serviceDomain = `--service-domain: ${domainIssue}`;
  const suffixIssue = vmrSuffixProblem(normaliseVmrSuffix(options.vmrSuffix));
  if (suffixIssue) problems.vmrSuffix = `--vmr-suffix: ${suffixIssue}`;
  if (Object.keys(problems).length > 0) {
    throw new ValidationError(problems, "The service is not set up yet, so these options are needed too:");
  }
}
