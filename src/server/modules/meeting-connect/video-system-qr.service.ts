import QRCode from "qrcode";
import type { Db } from "../../db/client.js";
import { NotFoundError } from "../../errors.js";
import { newToken } from "../../lib/tokens.js";
import { recordAudit } from "../audit/audit.js";
import type { AccountActor } from "../auth/actor.js";
import { companyForAdmin } from "../companies/company-access.policy.js";
import { findVideoSystem, lockVideoSystem } from "../endpoint-activation/endpoint-activation.repository.js";
import { VIDEO_SYSTEM_NOT_FOUND } from "../endpoint-activation/endpoint-activation.service.js";
import { setConnectToken } from "./meeting-connect.repository.js";

/** Error correction M survives a scuffed or partly covered sticker and keeps the code small. */
const QR_OPTIONS = { errorCorrectionLevel: "M", margin: 2 } as const;

/**
 * A video system's MeetingConnect QR code, which the company's admins print and stick on the
 * system: it encodes `PUBLIC_URL/connect/<token>`. Rotating the token makes old prints stop
 * working (a lost or misplaced sticker).
 */
export class VideoSystemQrService {
  constructor(private readonly deps: { db: Db; publicUrl: string }) {}

  async describe(actor: AccountActor, companyId: string, videoSystemId: string) {
    const system = await this.system(actor, companyId, videoSystemId);
    return {
      videoSystem: { id: system.id, name: system.name, videoAddress: system.address },
      connectUrl: this.connectUrl(system.connectToken),
    };
  }

  async png(actor: AccountActor, companyId: string, videoSystemId: string, size: number) {
    const system = await this.system(actor, companyId, videoSystemId);
    const image = await QRCode.toBuffer(this.connectUrl(system.connectToken), {
      ...QR_OPTIONS,
      type: "png",
      width: size,
    });
    return { image, fileName: fileNameOf(system.name, "png") };
  }

  async svg(actor: AccountActor, companyId: string, videoSystemId: string) {
    const system = await this.system(actor, companyId, videoSystemId);
    const image = await QRCode.toString(this.connectUrl(system.connectToken), { ...QR_OPTIONS, type: "svg" });
    return { image, fileName: fileNameOf(system.name, "svg") };
  }

  /** A new token: the printed QR codes of this system stop working. */
  async rotate(actor: AccountActor, companyId: string, videoSystemId: string) {
    const company = await companyForAdmin(this.deps.db, actor, companyId);
    const token = newToken();
    await this.deps.db.transaction(async (tx) => {
      const system = await lockVideoSystem(tx, company.id, videoSystemId);
      if (!system) throw new NotFoundError(VIDEO_SYSTEM_NOT_FOUND);
      await setConnectToken(tx, company.id, system.id, token);
      await recordAudit(tx, actor, {
        action: "video_system.qr_code_replaced",
        target: { type: "video_system", id: system.id },
        companyId: company.id,
        after: { name: system.name },
      });
    });
    return { connectUrl: this.connectUrl(token) };
  }

  private async system(actor: AccountActor, companyId: string, videoSystemId: string) {
    const company = await companyForAdmin(this.deps.db, actor, companyId);
    const system = await findVideoSystem(this.deps.db, company.id, videoSystemId);
    if (!system) throw new NotFoundError(VIDEO_SYSTEM_NOT_FOUND);
    return system;
  }

  private connectUrl(token: string): string {
    return `${this.deps.publicUrl}/connect/${token}`;
  }
}

/** `Meeting Room 6` → `meeting-room-6-qr.png`: safe in a Content-Disposition header. */
export function fileNameOf(name: string, extension: string): string {
  const base = name
    .toLowerCase()
    .normalize("NFKD")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60);
  return `${base || "video-system"}-qr.${extension}`;
}
