import type { Db } from "../../db/client.js";
import { NotFoundError } from "../../errors.js";
import { recordAudit } from "../audit/audit.js";
import type { AccountActor } from "../auth/actor.js";
import { type InvitationLinks, inviteAccount } from "../invitations/invitations.service.js";
import { assertOperator } from "../operator/operator.policy.js";
import { findService } from "../setup/service.repository.js";
import { assertPartnerEditable, assertPartnerReachable, PARTNER_NOT_FOUND } from "./partners.policy.js";
import {
  findPartner,
  findPartnerWithCounts,
  insertPartner,
  listPartnerAdmins,
  listPartners,
  renamePartner,
} from "./partners.repository.js";

interface PartnerWithCounts {
  id: string;
  name: string;
  createdAt: Date;
  companyCount: number;
  adminCount: number;
}

function toPartnerDto(row: PartnerWithCounts) {
  return {
    id: row.id,
    name: row.name,
    companyCount: Number(row.companyCount),
    adminCount: Number(row.adminCount),
    createdAt: row.createdAt.toISOString(),
  };
}

function toPartnerAdminDto(row: {
  id: string;
  fullName: string;
  email: string;
  status: "active" | "invited" | "suspended";
  createdAt: Date;
}) {
  return {
    id: row.id,
    fullName: row.fullName,
    email: row.email,
    // Partner admins cannot be suspended (yet); should one be, it shows as not active.
    status: row.status === "active" ? ("active" as const) : ("invited" as const),
    createdAt: row.createdAt.toISOString(),
  };
}

/** Partners (resellers) and their admins: operators run them; partner admins see their own. */
export class PartnersService {
  constructor(private readonly deps: { db: Db } & InvitationLinks) {}

  async list(actor: AccountActor, query: { q?: string; page: number; pageSize: number }) {
    assertOperator(actor);
    const { items, total } = await listPartners(this.deps.db, query);
    return { items: items.map(toPartnerDto), total, page: query.page, pageSize: query.pageSize };
  }

  async create(actor: AccountActor, input: { name: string }) {
    assertOperator(actor);
    const partner = await this.deps.db.transaction(async (tx) => {
      const partner = await insertPartner(tx, input.name);
      await recordAudit(tx, actor, {
        action: "partner.created",
        target: { type: "partner", id: partner.id },
        after: { name: partner.name },
      });
      return partner;
    });
    return toPartnerDto({ ...partner, companyCount: 0, adminCount: 0 });
  }

  async get(actor: AccountActor, partnerId: string) {
    assertPartnerReachable(actor, partnerId);
    const partner = await findPartnerWithCounts(this.deps.db, partnerId);
    if (!partner) throw new NotFoundError(PARTNER_NOT_FOUND);
    return toPartnerDto(partner);
  }

  async rename(actor: AccountActor, partnerId: string, input: { name: string }) {
    assertPartnerEditable(actor, partnerId);
    await this.deps.db.transaction(async (tx) => {
      const before = await findPartner(tx, partnerId);
      if (!before) throw new NotFoundError(PARTNER_NOT_FOUND);
      if (before.name === input.name) return;
      await renamePartner(tx, partnerId, input.name);
      await recordAudit(tx, actor, {
        action: "partner.updated",
        target: { type: "partner", id: partnerId },
        before: { name: before.name },
        after: { name: input.name },
      });
    });
    return this.get(actor, partnerId);
  }

  async listAdmins(actor: AccountActor, partnerId: string, query: { page: number; pageSize: number }) {
    await this.reachablePartner(actor, partnerId);
    const { items, total } = await listPartnerAdmins(this.deps.db, partnerId, query.page, query.pageSize);
    return { items: items.map(toPartnerAdminDto), total, page: query.page, pageSize: query.pageSize };
  }

  /** Creates the admin as invited and queues their invitation email (link valid 30 days). */
  async inviteAdmin(actor: AccountActor, partnerId: string, input: { fullName: string; email: string }) {
    const partner = await this.reachablePartner(actor, partnerId);
    const service = await findService(this.deps.db);
    const account = await this.deps.db.transaction((tx) =>
      inviteAccount(
        tx,
        actor,
        this.deps,
        { kind: "partner_admin", partner: { id: partner.id, name: partner.name }, ...input },
        { serviceName: service?.name ?? "Confero", fields: { email: "email" } },
      ),
    );
    return toPartnerAdminDto(account);
  }

  private async reachablePartner(actor: AccountActor, partnerId: string) {
    assertPartnerReachable(actor, partnerId);
    const partner = await findPartner(this.deps.db, partnerId);
    if (!partner) throw new NotFoundError(PARTNER_NOT_FOUND);
    return partner;
  }
}
