import { randomUUID } from "node:crypto";
import { randomHostPin } from "../../../domain/pin.js";
import { candidateAddresses } from "../../../domain/scim-address.js";
import type { ScimUserInput } from "../../../domain/scim-user.js";
import type { Db } from "../../db/client.js";
import { isUniqueViolation } from "../../db/errors.js";
import { ConflictError, LicenceLimitError } from "../../errors.js";
import { claimVideoAddress, findTakenVideoAddresses } from "../addresses/addresses.repository.js";
import { recordAudit } from "../audit/audit.js";
import { type AccountRow, insertAccount } from "../auth/accounts.repository.js";
import type { SystemActor } from "../auth/actor.js";
import { type CompanyRow, companyUsage, lockCompany } from "../companies/companies.repository.js";
import {
  type MemberAddresses,
  memberAddresses,
  type VideoDomains,
} from "../companies/company-video-domains.js";
import { type InvitationLinks, inviteAccount } from "../invitations/invitations.service.js";
import { insertPersonalRoom, personalRoomName } from "../rooms/personal-rooms.repository.js";
import { ssoCoverage } from "../sso/sso-coverage.js";
import { badRequest } from "./scim-errors.js";
import { updateScimFields } from "./scim-users.repository.js";

/**
 * Creating a member from a SCIM POST, in the caller's transaction:
 * - licences counted with the company row locked (409 when none is left), as an admin's invite;
 * - the address is the Confero extension's `videoAddress` when sent (checked under the
 *   video-address rules, 409 when taken), else derived from the userName (scim-address.ts),
 *   numbered until both it and its personal VMR's address are free;
 * - the email is covered by the company's single sign-on → the member is `active` with no
 *   password and gets no email (they sign in with SSO); created with `active: false` → created
 *   `suspended`, no email either; otherwise → `invited` with the normal 30-day activation email
 *   (inviteAccount, exactly as an admin's invite).
 */
const CANDIDATES_PER_LOOKUP = 20;
const MAX_CANDIDATES = 200;
const EMAIL_TAKEN = "An account with this email (userName) already exists.";

export interface ProvisionContext {
  company: CompanyRow;
  domains: VideoDomains;
  serviceName: string;
  links: InvitationLinks;
}

/** The first derived address whose personal VMR's address is also valid and free. */
async function deriveAddresses(tx: Db, userName: string, ctx: ProvisionContext): Promise<MemberAddresses> {
  const domain = ctx.domains.videoDomains[0];
  if (!domain) throw badRequest({ scimType: "invalidValue", detail: "The company has no video domain yet." });
  const rules = {
    domain,
    hostedDomain: ctx.domains.hostedDomains.includes(domain),
    vmrSuffix: ctx.company.vmrSuffix,
  };
  for (let from = 1; from <= MAX_CANDIDATES; from += CANDIDATES_PER_LOOKUP) {
    const options = candidateAddresses(userName, rules, from, CANDIDATES_PER_LOOKUP)
      .map((address) => memberAddresses(address, ctx.domains, ctx.company.vmrSuffix))
      .flatMap((result) => (result.ok ? [result.addresses] : []));
    const taken = await findTakenVideoAddresses(
      tx,
      options.flatMap((o) => [o.videoAddress, o.personalRoomAddress]),
    );
    const free = options.find((o) => !taken.has(o.videoAddress) && !taken.has(o.personalRoomAddress));
    if (free) return free;
  }
  throw new ConflictError("No free video address could be derived from this userName; send videoAddress.", {
    videoAddress: "taken",
  });
}

export function explicitAddresses(videoAddress: string, ctx: Pick<ProvisionContext, "company" | "domains">) {
  const result = memberAddresses(videoAddress, ctx.domains, ctx.company.vmrSuffix);
  if (!result.ok) throw badRequest({ scimType: "invalidValue", detail: `videoAddress: ${result.problem}` });
  return result.addresses;
}

export async function provisionMember(
  tx: Db,
  actor: SystemActor,
  input: ScimUserInput,
  ctx: ProvisionContext,
): Promise<string> {
  const { company } = ctx;
  const locked = await lockCompany(tx, company.id);
  const used = (await companyUsage(tx, [company.id])).get(company.id)?.licencesUsed ?? 0;
  if (used >= locked.licences) {
    throw new LicenceLimitError(`No licences left (${used} of ${locked.licences} in use).`);
  }
  const addresses = input.videoAddress
    ? explicitAddresses(input.videoAddress, ctx)
    : await deriveAddresses(tx, input.email, ctx);
  const hostPin = locked.hostPinOnAllPersonalRooms ? randomHostPin() : null;
  const { covered } = await ssoCoverage(tx, company.id, input.email);

  let account: AccountRow;
  if (covered || !input.active) {
    account = await insertSilently(
      tx,
      { ...input, ...addresses, hostPin, status: input.active ? "active" : "suspended" },
      company.id,
    );
  } else {
    account = await inviteAccount(
      tx,
      actor,
      ctx.links,
      {
        kind: "member",
        company: { id: company.id, name: locked.name },
        role: "member",
        fullName: input.fullName,
        email: input.email,
        ...addresses,
        hostPin,
      },
      { serviceName: ctx.serviceName, fields: { email: "userName", videoAddress: "videoAddress" } },
    );
  }
  await updateScimFields(tx, company.id, account.id, { externalId: input.externalId, provisionedBy: "scim" });
  await recordAudit(tx, actor, {
    action: "member.provisioned",
    target: { type: "account", id: account.id },
    companyId: company.id,
    after: {
      fullName: account.fullName,
      email: account.email,
      videoAddress: account.videoAddress,
      externalId: input.externalId,
      status: account.status,
      singleSignOn: covered,
    },
  });
  return account.id;
}

/** A member who gets no email: signs in with SSO, or is created suspended. */
async function insertSilently(
  tx: Db,
  member: ScimUserInput & MemberAddresses & { hostPin: string | null; status: "active" | "suspended" },
  companyId: string,
): Promise<AccountRow> {
  const accountId = randomUUID();
  const roomId = randomUUID();
  await claimVideoAddress(
    tx,
    { address: member.videoAddress, companyId, ownerType: "member", ownerId: accountId },
    "videoAddress",
  );
  await claimVideoAddress(
    tx,
    { address: member.personalRoomAddress, companyId, ownerType: "personal_room", ownerId: roomId },
    "videoAddress",
  );
  let account: AccountRow;
  try {
    account = await tx.transaction((sp) =>
      insertAccount(sp, {
        id: accountId,
        kind: "member",
        status: member.status,
        companyId,
        role: "member",
        fullName: member.fullName,
        email: member.email,
        videoAddress: member.videoAddress,
      }),
    );
  } catch (error) {
    if (isUniqueViolation(error, "accounts_email_key"))
      throw new ConflictError(EMAIL_TAKEN, { userName: EMAIL_TAKEN });
    throw error;
  }
  await insertPersonalRoom(tx, {
    id: roomId,
    companyId,
    accountId,
    name: personalRoomName(account.fullName),
    address: member.personalRoomAddress,
    hostPin: member.hostPin,
  });
  return account;
}
