import { randomBytes } from "node:crypto";
import type { Db } from "../../db/client.js";
import { InvalidTokenError, NotFoundError, RateLimitedError, ValidationError } from "../../errors.js";
import { type LimitRule, RateLimiter } from "../../lib/rate-limiter.js";
import type { SecretBox } from "../../lib/secret-box.js";
import { hashToken } from "../../lib/tokens.js";
import { recordAudit } from "../audit/audit.js";
import type { AccountActor, SystemActor } from "../auth/actor.js";
import { companyForAdmin } from "../companies/company-access.policy.js";
import { videoSystemStatus } from "../video-systems/video-system-dto.js";
import { newActivationCode, normaliseActivationCode } from "./activation-code.js";
import {
  findActivationCode,
  findOpenActivationCode,
  findVideoSystem,
  insertActivationCode,
  lockActivationCode,
  lockVideoSystem,
  markActivationCodeUsed,
  primaryServiceDomain,
  retireActivationCodes,
  storeSipCredentials,
} from "./endpoint-activation.repository.js";

export const VIDEO_SYSTEM_NOT_FOUND = "This video system does not exist.";
export const CODE_VALIDITY_DAYS = 30;
export const CODE_FORMAT = "An activation code has 12 letters and digits, like ABCD-EFGH-JKMN.";
export const CODE_UNKNOWN =
  "This activation code is not valid. Check it, or get a new one from your administrator.";
export const CODE_USED =
  "This activation code has already been used. Get a new one from your administrator (Activate subscription on endpoint).";
export const CODE_EXPIRED =
  "This activation code has expired or was replaced by a newer one. Get a new one from your administrator.";

/** Failed redemptions per client IP: a guesser gets a handful of tries, a typo-prone person enough. */
export const DEFAULT_ACTIVATION_LIMIT: LimitRule = { limit: 10, windowSeconds: 15 * 60 };

const ACTIVATION_ACTOR: SystemActor = { type: "system", fullName: "endpoint activation" };
const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Activating a video system's subscription: an admin issues a one-time code (stored hashed,
 * 30 days, a new one retires the older ones); whoever redeems it — the endpoint itself or an
 * activation tool, with no session — receives SIP credentials, and the registration policy
 * (policy/registrations.service.ts) answers Infinity with the same ones.
 */
export class EndpointActivationService {
  private readonly failuresPerIp: RateLimiter;

  constructor(
    private readonly deps: {
      db: Db;
      sessionSecret: string;
      sipPasswords: SecretBox;
      sipRegistrar: string | null;
      limit?: LimitRule;
    },
  ) {
    this.failuresPerIp = new RateLimiter(deps.limit ?? DEFAULT_ACTIVATION_LIMIT);
  }

  async status(actor: AccountActor, companyId: string, videoSystemId: string) {
    const company = await companyForAdmin(this.deps.db, actor, companyId);
    const system = await findVideoSystem(this.deps.db, company.id, videoSystemId);
    if (!system) throw new NotFoundError(VIDEO_SYSTEM_NOT_FOUND);
    const code = await findOpenActivationCode(this.deps.db, company.id, system.id, new Date());
    return {
      videoSystem: { id: system.id, name: system.name, videoAddress: system.address },
      status: videoSystemStatus(system),
      activatedAt: system.activatedAt?.toISOString() ?? null,
      registeredAt: system.registeredAt?.toISOString() ?? null,
      code: code ? { expiresAt: code.expiresAt.toISOString() } : null,
      registrar: await this.registrar(),
    };
  }

  /** A new code for the system; the older ones stop working. The code is shown only now. */
  async issueCode(actor: AccountActor, companyId: string, videoSystemId: string) {
    const company = await companyForAdmin(this.deps.db, actor, companyId);
    const code = newActivationCode();
    const now = new Date();
    const expiresAt = new Date(now.getTime() + CODE_VALIDITY_DAYS * DAY_MS);
    await this.deps.db.transaction(async (tx) => {
      const system = await lockVideoSystem(tx, company.id, videoSystemId);
      if (!system) throw new NotFoundError(VIDEO_SYSTEM_NOT_FOUND);
      await retireActivationCodes(tx, company.id, system.id, now);
      await insertActivationCode(tx, {
        codeHash: this.hash(code),
        companyId: company.id,
        videoSystemId: system.id,
        createdAt: now,
        expiresAt,
      });
      await recordAudit(tx, actor, {
        action: "video_system.activation_code_issued",
        target: { type: "video_system", id: system.id },
        companyId: company.id,
        after: { name: system.name, expiresAt: expiresAt.toISOString() },
      });
    });
    return { code, expiresAt: expiresAt.toISOString() };
  }

  /**
   * Redeems a code for the system's SIP credentials (a new password each time). Every failure
   * counts against the caller's IP; once blocked, even a right code waits.
   */
  async redeem(typedCode: string, client: { ip: string | null }) {
    const ipKey = client.ip ?? "unknown";
    const wait = this.failuresPerIp.blockedFor(ipKey);
    if (wait > 0) throw new RateLimitedError(wait);
    try {
      return await this.activate(typedCode, client);
    } catch (error) {
      if (
        error instanceof ValidationError ||
        error instanceof InvalidTokenError ||
        error instanceof NotFoundError
      )
        this.failuresPerIp.hit(ipKey);
      throw error;
    }
  }

  private async activate(typedCode: string, client: { ip: string | null }) {
    const code = normaliseActivationCode(typedCode);
    if (!code) throw new ValidationError({ code: CODE_FORMAT }, CODE_FORMAT);
    // Generated before the transaction: nothing slow happens while rows are locked.
    const sipPassword = randomBytes(18).toString("base64url");
    const sealed = this.deps.sipPasswords.seal(sipPassword);
    const registrar = await this.registrar();
    return this.deps.db.transaction(async (tx) => {
      const now = new Date();
      const found = await findActivationCode(tx, this.hash(code));
      if (!found) throw new NotFoundError(CODE_UNKNOWN);
      // System first, then code: the order issueCode locks them in, so the two cannot deadlock.
      const system = await lockVideoSystem(tx, found.companyId, found.videoSystemId);
      const row = await lockActivationCode(tx, found.codeHash);
      if (!system || !row) throw new NotFoundError(CODE_UNKNOWN);
      if (row.usedAt) throw new InvalidTokenError(CODE_USED);
      if (row.expiresAt <= now) throw new InvalidTokenError(CODE_EXPIRED);
      await markActivationCodeUsed(tx, row, now);
      await storeSipCredentials(tx, system, sealed, now);
      await recordAudit(tx, ACTIVATION_ACTOR, {
        action: "video_system.activated",
        target: { type: "video_system", id: system.id },
        companyId: system.companyId,
        before: { status: videoSystemStatus(system) },
        after: { name: system.name, status: "activated", fromIp: client.ip },
      });
      return { sipUsername: system.address, sipPassword, registrar, displayName: system.name };
    });
  }

  private async registrar(): Promise<string> {
    return this.deps.sipRegistrar ?? (await primaryServiceDomain(this.deps.db)) ?? "";
  }

  private hash(code: string): string {
    return hashToken(this.deps.sessionSecret, `endpoint-activation:${code}`);
  }
}
