import { randomUUID } from "node:crypto";
import type { Db } from "../../db/client.js";
import { LicenceLimitError, NotFoundError, ValidationError } from "../../errors.js";
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
import { findMembersByIds } from "../members/members.repository.js";
import { toTeamRoom, toTeamRoomSummary } from "./team-room-dto.js";
import { createdRoomAudit, planNewRoom, planRoomUpdate } from "./team-room-settings.js";
import { ownersProblem } from "./team-rooms.policy.js";
import {
  deleteTeamRooms,
  findRoomOwners,
  findTeamRoom,
  findTeamRoomsByIds,
  insertTeamRoom,
  listTeamRooms,
  lockTeamRoom,
  replaceRoomOwners,
  updateTeamRoom,
} from "./team-rooms.repository.js";
import type {
  CreateTeamRoomInput,
  SetOwnersInput,
  TeamRoomListInput,
  UpdateTeamRoomInput,
} from "./team-rooms.schemas.js";

export const TEAM_ROOM_NOT_FOUND = "This team room does not exist.";
export const SOME_ROOMS_NOT_FOUND = "Some of these team rooms do not exist. Nothing was changed.";
export const OWNERS_NOT_MEMBERS =
  "Some of these people are not members of this company. Nothing was changed.";

const ADDRESS_OWNER = "team_room" as const;

/** The company's licences as the Team rooms tab and its "Add team room" dialog show them. */
async function licencesOf(db: Db, company: CompanyRow) {
  const used = (await companyUsage(db, [company.id])).get(company.id)?.licencesUsed ?? 0;
  return { used, total: company.licences, remaining: Math.max(0, company.licences - used) };
}

/** One room of the company as the TeamRoom DTO; NotFound for anyone else's. */
async function describeRoom(db: Db, companyId: string, roomId: string) {
  const room = await findTeamRoom(db, companyId, roomId);
  if (!room) throw new NotFoundError(TEAM_ROOM_NOT_FOUND);
  const owners = await findRoomOwners(db, companyId, [room.id]);
  return toTeamRoom(room, owners.get(room.id) ?? []);
}

/**
 * A company's team rooms as its admins (and its partner's admins or operators acting for it)
 * manage them. Rules: team-rooms.policy.ts.
 */
export class TeamRoomsService {
  constructor(private readonly deps: { db: Db }) {}

  async list(actor: AccountActor, companyId: string, query: TeamRoomListInput) {
    const company = await companyForAdmin(this.deps.db, actor, companyId);
    const [{ items, total }, licences] = await Promise.all([
      listTeamRooms(this.deps.db, company.id, query),
      licencesOf(this.deps.db, company),
    ]);
    const owners = await findRoomOwners(
      this.deps.db,
      company.id,
      items.map((room) => room.id),
    );
    return {
      items: items.map((room) => toTeamRoomSummary(room, owners.get(room.id) ?? [])),
      total,
      page: query.page,
      pageSize: query.pageSize,
      licences,
    };
  }

  async get(actor: AccountActor, companyId: string, roomId: string) {
    const company = await companyForAdmin(this.deps.db, actor, companyId);
    return describeRoom(this.deps.db, company.id, roomId);
  }

  /**
   * Adds a room using one licence: the company row is locked before the licences are counted,
   * so two admins adding at the same moment cannot together pass the total.
   */
  async create(actor: AccountActor, companyId: string, input: CreateTeamRoomInput) {
    const company = await companyForAdmin(this.deps.db, actor, companyId);
    const plan = planNewRoom(input, await loadVideoDomains(this.deps.db, company));
    const roomId = await this.deps.db.transaction(async (tx) => {
      const locked = await lockCompany(tx, company.id);
      const used = (await companyUsage(tx, [company.id])).get(company.id)?.licencesUsed ?? 0;
      if (used >= locked.licences) {
        throw new LicenceLimitError(
          `No licences left (${used} of ${locked.licences} in use). Delete a team room or member first, or ask your partner for more licences.`,
        );
      }
      const id = randomUUID();
      await claimVideoAddress(
        tx,
        { address: plan.address, companyId: company.id, ownerType: ADDRESS_OWNER, ownerId: id },
        "videoAddress",
      );
      await insertTeamRoom(tx, {
        id,
        companyId: company.id,
        name: plan.name,
        address: plan.address,
        hostPin: plan.hostPin,
        guestPin: plan.guestPin,
      });
      await recordAudit(tx, actor, {
        action: "team_room.created",
        target: { type: "team_room", id },
        companyId: company.id,
        after: createdRoomAudit(plan),
      });
      return id;
    });
    return {
      room: await describeRoom(this.deps.db, company.id, roomId),
      licences: await licencesOf(this.deps.db, company),
      warnings: plan.warnings,
    };
  }

  /** Name, address name part (the domain is fixed) and PINs, in one transaction. */
  async update(actor: AccountActor, companyId: string, roomId: string, input: UpdateTeamRoomInput) {
    const company = await companyForAdmin(this.deps.db, actor, companyId);
    const domains = await loadVideoDomains(this.deps.db, company);
    const warnings = await this.deps.db.transaction(async (tx) => {
      const room = await lockTeamRoom(tx, company.id, roomId);
      if (!room) throw new NotFoundError(TEAM_ROOM_NOT_FOUND);
      const plan = planRoomUpdate(room, input, domains);
      if (plan.changes.address) {
        await changeVideoAddress(
          tx,
          { companyId: company.id, ownerType: ADDRESS_OWNER, ownerId: room.id },
          plan.changes.address,
          "addressLocalPart",
        );
      }
      await updateTeamRoom(tx, company.id, room.id, plan.changes);
      if (Object.keys(plan.after).length > 0) {
        await recordAudit(tx, actor, {
          action: "team_room.updated",
          target: { type: "team_room", id: room.id },
          companyId: company.id,
          // The name on both sides (unless it changed) names the room without reading as a change.
          before: { name: room.name, ...plan.before },
          after: { name: room.name, ...plan.after },
        });
      }
      return plan.warnings;
    });
    return { room: await describeRoom(this.deps.db, company.id, roomId), warnings };
  }

  /** Removes rooms with their addresses, freeing their licences — all or nothing. */
  async delete(actor: AccountActor, companyId: string, roomIds: readonly string[]) {
    const company = await companyForAdmin(this.deps.db, actor, companyId);
    const ids = [...new Set(roomIds)];
    const deleted = await this.deps.db.transaction(async (tx) => {
      await lockCompany(tx, company.id);
      const rooms = await findTeamRoomsByIds(tx, company.id, ids);
      if (rooms.length !== ids.length) throw new NotFoundError(SOME_ROOMS_NOT_FOUND);
      for (const room of rooms) {
        await releaseVideoAddress(tx, { companyId: company.id, ownerType: ADDRESS_OWNER, ownerId: room.id });
      }
      const count = await deleteTeamRooms(tx, company.id, ids);
      for (const room of rooms) {
        await recordAudit(tx, actor, {
          action: "team_room.deleted",
          target: { type: "team_room", id: room.id },
          companyId: company.id,
          before: { name: room.name, videoAddress: room.address },
        });
      }
      return count;
    });
    return { deleted, licences: await licencesOf(this.deps.db, company) };
  }

  /**
   * Who besides the admins controls the room. Chosen members must all be members of this
   * company (checked under the company lock, so none is deleted meanwhile); otherwise nothing
   * changes.
   */
  async setOwners(actor: AccountActor, companyId: string, roomId: string, input: SetOwnersInput) {
    const company = await companyForAdmin(this.deps.db, actor, companyId);
    const memberIds = [...new Set(input.memberIds)];
    const problem = ownersProblem(input.mode, memberIds);
    if (problem) throw new ValidationError({ memberIds: problem });
    await this.deps.db.transaction(async (tx) => {
      await lockCompany(tx, company.id);
      const room = await lockTeamRoom(tx, company.id, roomId);
      if (!room) throw new NotFoundError(TEAM_ROOM_NOT_FOUND);
      const members = await findMembersByIds(tx, company.id, memberIds);
      if (members.length !== memberIds.length) throw new NotFoundError(OWNERS_NOT_MEMBERS);
      const before = (await findRoomOwners(tx, company.id, [room.id])).get(room.id) ?? [];
      const kept = new Set(before.map((owner) => owner.id));
      const unchanged =
        input.mode === room.ownerMode &&
        memberIds.length === kept.size &&
        memberIds.every((id) => kept.has(id));
      if (unchanged) return;
      await updateTeamRoom(tx, company.id, room.id, { ownerMode: input.mode });
      await replaceRoomOwners(tx, company.id, room.id, memberIds);
      const names = (people: { fullName: string }[]) =>
        people.map((p) => p.fullName).sort((a, b) => a.localeCompare(b));
      await recordAudit(tx, actor, {
        action: "team_room.owners_changed",
        target: { type: "team_room", id: room.id },
        companyId: company.id,
        before: { name: room.name, ownerMode: room.ownerMode, owners: names(before) },
        // The name on both sides names the room in the audit log without reading as a change.
        after: { name: room.name, ownerMode: input.mode, owners: names(members) },
      });
    });
    return describeRoom(this.deps.db, company.id, roomId);
  }
}
