import { normaliseInfinityAlias } from "../../../domain/infinity-alias.js";
import type { Db } from "../../db/client.js";
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from "../../errors.js";
import { recordAudit } from "../audit/audit.js";
import type { AccountActor } from "../auth/actor.js";
import type { EffectiveInfinitySettings } from "../infinity-settings/infinity-settings.service.js";
import { controlsRoom } from "../team-rooms/team-rooms.policy.js";
import { dialParticipant } from "./infinity-dialer.js";
import {
  findPersonalRoom,
  findSystemByConnectToken,
  findTeamRoomByAddress,
  listTeamRoomsFor,
} from "./meeting-connect.repository.js";

export const CONNECT_NOT_FOUND =
  "This QR code does not work (any more). Ask your administrator for the video system's current QR code.";
export const ADDRESS_FORMAT = "Enter a video address like room@example.com.";

type Role = "chair" | "guest";
type ConnectSystem = NonNullable<Awaited<ReturnType<typeof findSystemByConnectToken>>>;
/** Where Infinity's management API is: operator settings or INFINITY_API_* (infinity-settings module). */
export interface ManagementApiSource {
  current(): Promise<Pick<EffectiveInfinitySettings, "managementApi">>;
}

/**
 * MeetingConnect: the page a phone opens after scanning a video system's QR code. Anyone may see
 * which system it is; a signed-in member of its company picks a room and Confero asks Pexip
 * Infinity to dial the system into it — as chair into rooms the member controls (their own VMR,
 * team rooms they own: team-rooms.policy.ts), as guest elsewhere.
 */
export class MeetingConnectService {
  constructor(private readonly deps: { db: Db; infinity: ManagementApiSource }) {}

  async describe(token: string) {
    const [system, { managementApi }] = await Promise.all([this.system(token), this.deps.infinity.current()]);
    return {
      videoSystem: { name: system.name, videoAddress: system.address },
      company: { name: system.companyName },
      dialsFromConfero: managementApi !== null,
    };
  }

  /** The rooms the member can join from the system: their own VMR, then the team rooms. */
  async rooms(actor: AccountActor, token: string) {
    const system = await this.system(token);
    assertMemberOf(actor, system);
    const [own, teamRooms] = await Promise.all([
      findPersonalRoom(this.deps.db, system.companyId, actor.accountId),
      listTeamRoomsFor(this.deps.db, system.companyId, actor.accountId),
    ]);
    return {
      items: [
        ...(own
          ? [{ kind: "personal" as const, name: own.name, address: own.address, role: "chair" as Role }]
          : []),
        ...teamRooms.map((room) => ({
          kind: "team" as const,
          name: room.name,
          address: room.address,
          role: (controlsRoom(actor, room, room.chosen) ? "chair" : "guest") as Role,
        })),
      ],
    };
  }

  async dial(actor: AccountActor, token: string, typedAddress: string) {
    const system = await this.system(token);
    assertMemberOf(actor, system);
    const alias = normaliseInfinityAlias(typedAddress);
    if (alias?.kind !== "address") throw new ValidationError({ address: ADDRESS_FORMAT });
    const api = (await this.deps.infinity.current()).managementApi;
    if (!api) {
      throw new ConflictError(
        `Confero is not connected to the call platform: dial ${alias.address} from the video system itself.`,
      );
    }
    const role = await this.roleIn(actor, system.companyId, alias.address);
    const { participantId } = await dialParticipant(api, {
      conference_alias: alias.address,
      destination: system.address,
      protocol: "sip",
      role,
      routing: "routing_rule",
      remote_display_name: system.name,
    });
    await this.deps.db.transaction(async (tx) => {
      await recordAudit(tx, actor, {
        action: "video_system.dialled_in",
        target: { type: "video_system", id: system.id },
        companyId: system.companyId,
        after: { name: system.name, conference: alias.address, role },
      });
    });
    return { conferenceAlias: alias.address, role, participantId };
  }

  private async roleIn(actor: AccountActor, companyId: string, address: string): Promise<Role> {
    const own = await findPersonalRoom(this.deps.db, companyId, actor.accountId);
    if (own?.address === address) return "chair";
    const room = await findTeamRoomByAddress(this.deps.db, companyId, address, actor.accountId);
    return room && controlsRoom(actor, room, room.chosen) ? "chair" : "guest";
  }

  private async system(token: string): Promise<ConnectSystem> {
    const system = token.length <= 200 ? await findSystemByConnectToken(this.deps.db, token) : undefined;
    if (!system) throw new NotFoundError(CONNECT_NOT_FOUND);
    return system;
  }
}

/**
 * Only the company's own members join meetings from its video systems. The system itself is no
 * secret here (the QR code on it names it), so the answer is a 403 that says why.
 */
function assertMemberOf(actor: AccountActor, system: ConnectSystem): void {
  if (actor.kind === "member" && actor.companyId === system.companyId) return;
  throw new ForbiddenError(
    `This video system belongs to ${system.companyName}. Sign in with your ${system.companyName} account to use it.`,
  );
}
