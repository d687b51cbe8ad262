import { loadConfig } from "../server/config.js";
import { openConfiguredDatabase } from "../server/db/open-configured.js";
import { seedDemo } from "../server/modules/demo/seed-demo.js";

export async function seedDemoCommand(options: { json?: boolean }): Promise<void> {
  const config = loadConfig();
  const database = await openConfiguredDatabase(config);
  try {
    const result = await seedDemo(database.db, {
      sessionSecret: config.sessionSecret,
      publicUrl: config.publicUrl,
      callHistory: true,
    });
    if (options.json) {
      process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
      return;
    }
    console.log(
      `Demo data added to ${database.where}. Sign in with any of these (passwords are shown only now):\n`,
    );
    for (const account of result.accounts) {
      const where =
        result.companies.find((c) => c.id === account.companyId)?.name ??
        (account.partnerId ? result.partners[0]?.name : "service");
      const role = account.kind === "member" ? `company ${account.role}` : account.kind.replace("_", " ");
      console.log(`  ${account.email.padEnd(28)} ${account.password}   ${role} (${where})`);
    }
    for (const invitee of result.invited) {
      const where = result.companies.find((c) => c.id === invitee.companyId)?.name ?? "";
      console.log(`\nInvited, not yet active: ${invitee.email} (${where}): ${invitee.invitationUrl ?? ""}`);
    }
  } finally {
    await database.close();
  }
}
