import { randomUUID } from "node:crypto";
import { splitVideoAddress, videoAddressProblems } from "../../../domain/video-address.js";
import type { Db } from "../../db/client.js";
import { ConflictError, LicenceLimitError, NotFoundError, ValidationError } from "../../errors.js";
import { newToken } from "../../lib/tokens.js";
import {
  changeVideoAddress,
  claimVideoAddress,
  releaseVideoAddress,
} from "../addresses/addresses.repository.js";
import { recordAudit } from "../audit/audit.js";
import type { AccountActor } from "../auth/actor.js";
import { type CompanyRow, companyUsage, lockCompany } from "../companies/companies.repository.js";
import { companyForAdmin } from "../companies/company-access.policy.js";
import { loadVideoDomains } from "../companies/company-dto.js";
import { addressRules, completeVideoAddress } from "../companies/company-video-domains.js";
import { findMember, findMembersByIds } from "../members/members.repository.js";
import { findPartner } from "../partners/partners.repository.js";
import { toVideoSystem } from "./video-system-dto.js";
import { assertManagesSubscriptions } from "./video-systems.policy.js";
import {
  deleteVideoSystems,
  findSubscribedAddresses,
  findSystemsTwinnedTo,
  findTakenSerials,
  findVideoSystem,
  findVideoSystemsByIds,
  insertVideoSystem,
  listVideoSystems,
  lockVideoSystem,
  updateVideoSystem,
} from "./video-systems.repository.js";
import type {
  CreateVideoSystemInput,
  UpdateVideoSystemInput,
  VideoSystemListInput,
} from "./video-systems.schemas.js";

export const VIDEO_SYSTEM_NOT_FOUND = "This video system does not exist.";
export const SOME_SYSTEMS_NOT_FOUND = "Some of these video systems do not exist. Nothing was changed.";
export const MEMBER_NOT_FOUND = "This member does not exist.";
export const SERIAL_TAKEN = "A video system with this serial number already has a subscription.";
export const MEMBER_ADDRESS_IN_USE = "Another video system already uses this member's address.";
export const USES_MEMBER_ADDRESS =
  "This video system uses its member's address: change the member's address on their user page.";
export const NEEDS_MEMBER = "Choose the member whose address the video system shares.";

export const ADDRESS_OWNER = "video_system" as const;

export const noSubscriptionsLeft = (used: number, total: number) =>
  `No endpoint subscriptions left (${used} of ${total} in use). Delete a video system first, or raise the company's endpoint subscriptions.`;

/** The company's endpoint subscriptions as the Video systems tab and the partner's dialogs show them. */
export async function subscriptionsOf(db: Db, company: Pick<CompanyRow, "id" | "endpointSubscriptions">) {
  const used = (await companyUsage(db, [company.id])).get(company.id)?.endpointSubscriptionsUsed ?? 0;
  const total = company.endpointSubscriptions;
  return { used, total, remaining: Math.max(0, total - used) };
}

/** 403 unless on the partner side, naming the company's partner. */
export async function assertPartnerSide(
  db: Db,
  actor: AccountActor,
  company: CompanyRow,
  what: "add" | "remove",
) {
  if (actor.kind !== "member") return;
  const partner = await findPartner(db, company.partnerId);
  assertManagesSubscriptions(actor, partner?.name ?? "your partner", what);
}

async function describeSystem(db: Db, companyId: string, videoSystemId: string) {
  const found = await findVideoSystem(db, companyId, videoSystemId);
  if (!found) throw new NotFoundError(VIDEO_SYSTEM_NOT_FOUND);
  return toVideoSystem(found);
}

/**
 * A company's video systems (endpoint subscriptions): its admins list and edit them; its
 * partner (partner admins, operators) also adds and removes them. Rules: video-systems.policy.ts.
 */
export class VideoSystemsService {
  constructor(private readonly deps: { db: Db }) {}

  async list(actor: AccountActor, companyId: string, query: VideoSystemListInput) {
    const company = await companyForAdmin(this.deps.db, actor, companyId);
    const [{ items, total }, endpointSubscriptions] = await Promise.all([
      listVideoSystems(this.deps.db, company.id, query),
      subscriptionsOf(this.deps.db, company),
    ]);
    return {
      items: items.map(toVideoSystem),
      total,
      page: query.page,
      pageSize: query.pageSize,
      endpointSubscriptions,
    };
  }

  async get(actor: AccountActor, companyId: string, videoSystemId: string) {
    const company = await companyForAdmin(this.deps.db, actor, companyId);
    return describeSystem(this.deps.db, company.id, videoSystemId);
  }

  /** The systems twinned to one member (their user page). */
  async twinnedTo(actor: AccountActor, companyId: string, memberId: string) {
    const company = await companyForAdmin(this.deps.db, actor, companyId);
    if (!(await findMember(this.deps.db, company.id, memberId))) throw new NotFoundError(MEMBER_NOT_FOUND);
    return (await findSystemsTwinnedTo(this.deps.db, company.id, memberId)).map(toVideoSystem);
  }

  /**
   * Adds one system using one endpoint subscription: the company row is locked before the
   * subscriptions are counted, so two partners adding at the same moment cannot pass the total.
   */
  async create(actor: AccountActor, companyId: string, input: CreateVideoSystemInput) {
    const { db } = this.deps;
    const company = await companyForAdmin(db, actor, companyId);
    await assertPartnerSide(db, actor, company, "add");
    const domains = await loadVideoDomains(db, company);
    const serialNumber = input.serialNumber ?? null;
    let ownAddress: string | null = null;
    if (input.useMemberAddress) {
      if (!input.twinnedMemberId) throw new ValidationError({ twinnedMemberId: NEEDS_MEMBER });
    } else {
      ownAddress = completeVideoAddress(input.videoAddress ?? "", domains);
      const [problem] = videoAddressProblems(ownAddress, addressRules(domains));
      if (problem) throw new ValidationError({ videoAddress: problem.message });
    }
    const id = await db.transaction(async (tx) => {
      const locked = await lockCompany(tx, company.id);
      const { used, total } = await subscriptionsOf(tx, locked);
      if (used >= total) throw new LicenceLimitError(noSubscriptionsLeft(used, total));
      const [member] = input.twinnedMemberId
        ? await findMembersByIds(tx, company.id, [input.twinnedMemberId])
        : [];
      if (input.twinnedMemberId && !member) throw new NotFoundError(MEMBER_NOT_FOUND);
      if (serialNumber && (await findTakenSerials(tx, [serialNumber])).size > 0) {
        throw new ConflictError(SERIAL_TAKEN, { serialNumber: SERIAL_TAKEN });
      }
      const systemId = randomUUID();
      let address = ownAddress ?? "";
      if (ownAddress) {
        await claimVideoAddress(
          tx,
          { address: ownAddress, companyId: company.id, ownerType: ADDRESS_OWNER, ownerId: systemId },
          "videoAddress",
        );
      } else {
        address = member?.videoAddress ?? "";
        if ((await findSubscribedAddresses(tx, [address])).size > 0) {
          throw new ConflictError(MEMBER_ADDRESS_IN_USE, { useMemberAddress: MEMBER_ADDRESS_IN_USE });
        }
      }
      await insertVideoSystem(tx, {
        id: systemId,
        companyId: company.id,
        name: input.name,
        address,
        serialNumber,
        twinnedAccountId: member?.id ?? null,
        connectToken: newToken(),
      });
      await recordAudit(tx, actor, {
        action: "video_system.created",
        target: { type: "video_system", id: systemId },
        companyId: company.id,
        after: {
          name: input.name,
          videoAddress: address,
          serialNumber,
          twinnedMember: member?.fullName ?? null,
          usesMemberAddress: ownAddress === null,
        },
      });
      return systemId;
    });
    return describeSystem(db, company.id, id);
  }

  /** Name and address name part (the domain is fixed), in one transaction. */
  async update(actor: AccountActor, companyId: string, videoSystemId: string, input: UpdateVideoSystemInput) {
    const { db } = this.deps;
    const company = await companyForAdmin(db, actor, companyId);
    const domains = await loadVideoDomains(db, company);
    await db.transaction(async (tx) => {
      const system = await lockVideoSystem(tx, company.id, videoSystemId);
      if (!system) throw new NotFoundError(VIDEO_SYSTEM_NOT_FOUND);
      const before: Record<string, unknown> = {};
      const after: Record<string, unknown> = {};
      const changes: { name?: string; address?: string } = {};
      if (input.name !== undefined && input.name !== system.name) {
        changes.name = input.name;
        before.name = system.name;
        after.name = input.name;
      }
      if (input.addressLocalPart !== undefined) {
        const domain = splitVideoAddress(system.address)?.domain ?? "";
        const address = `${input.addressLocalPart}@${domain}`;
        if (address !== system.address) {
          const view = await findVideoSystem(tx, company.id, system.id);
          if (view?.member && view.member.videoAddress === system.address) {
            throw new ValidationError({ addressLocalPart: USES_MEMBER_ADDRESS });
          }
          const [problem] = videoAddressProblems(address, addressRules(domains));
          if (problem) throw new ValidationError({ addressLocalPart: problem.message });
          await changeVideoAddress(
            tx,
            { companyId: company.id, ownerType: ADDRESS_OWNER, ownerId: system.id },
            address,
            "addressLocalPart",
          );
          changes.address = address;
          before.videoAddress = system.address;
          after.videoAddress = address;
        }
      }
      if (Object.keys(changes).length === 0) return;
      await updateVideoSystem(tx, company.id, system.id, changes);
      await recordAudit(tx, actor, {
        action: "video_system.updated",
        target: { type: "video_system", id: system.id },
        companyId: company.id,
        // The name on both sides (unless it changed) names the system without reading as a change.
        before: { name: system.name, ...before },
        after: { name: system.name, ...after },
      });
    });
    return describeSystem(db, company.id, videoSystemId);
  }

  /** Removes subscriptions with their addresses — all or nothing; partner side only. */
  async delete(actor: AccountActor, companyId: string, videoSystemIds: readonly string[]) {
    const { db } = this.deps;
    const company = await companyForAdmin(db, actor, companyId);
    await assertPartnerSide(db, actor, company, "remove");
    const ids = [...new Set(videoSystemIds)];
    const deleted = await db.transaction(async (tx) => {
      await lockCompany(tx, company.id);
      const systems = await findVideoSystemsByIds(tx, company.id, ids);
      if (systems.length !== ids.length) throw new NotFoundError(SOME_SYSTEMS_NOT_FOUND);
      for (const system of systems) {
        // A system sharing its member's address has no row of its own: the member's stays.
        await releaseVideoAddress(tx, {
          companyId: company.id,
          ownerType: ADDRESS_OWNER,
          ownerId: system.id,
        });
      }
      const count = await deleteVideoSystems(tx, company.id, ids);
      for (const system of systems) {
        await recordAudit(tx, actor, {
          action: "video_system.deleted",
          target: { type: "video_system", id: system.id },
          companyId: company.id,
          before: { name: system.name, videoAddress: system.address, serialNumber: system.serialNumber },
        });
      }
      return count;
    });
    return { deleted, endpointSubscriptions: await subscriptionsOf(db, company) };
  }
}
