import { setImmediate } from "node:timers/promises";
import { resolveInfinityAlias } from "../../../domain/infinity-alias.js";
import { type EventEnvelope, textField, timeField } from "../../../domain/pexip-events.js";
import { parseServiceTag } from "../../../domain/service-tag.js";
import {
  callKeys,
  dayIn,
  isCountedLeg,
  type LegParties,
  mergeInterval,
  roomKeys,
} from "../../../domain/usage-attribution.js";
import type { Db } from "../../db/client.js";
import type { PolicyCache } from "../policy/policy-cache.js";
import type { PolicySettingsSource } from "../policy/policy-settings.js";
import type { AddressTarget } from "../policy/policy-targets.repository.js";
import {
  addRoomStretches,
  type ConferenceInstance,
  endInstances,
  openInstanceStart,
  startInstances,
} from "./room-usage.repository.js";
import { type LegUpdate, type StoredLeg, upsertLegs } from "./usage.repository.js";
import { UsageBatch } from "./usage-batch.js";

export type ApplyOutcome = "applied" | "ignored" | { rejected: string };

/**
 * One batch's context: settings read before the transaction opens (PGlite's one connection is
 * the transaction's inside it), and the usage figures the batch gathers — the caller flushes
 * `usage` before committing.
 */
export interface ApplyContext {
  defaultDomain: string | null;
  usage: UsageBatch;
}

/**
 * Cached lookups resolve at once, so a batch would run start to end in one go of microtasks
 * while the event sink's requests wait behind it: every so many events it lets them in.
 */
const EVENTS_BETWEEN_YIELDS = 25;

/** A leg longer than this is not a call but a broken clock. */
const MAX_CALL_SECONDS = 7 * 24 * 3600;

type Target = { companyId: string; kind: LegParties["targetKind"]; id: string; target: AddressTarget | null };

/**
 * Applies one event-sink envelope to call legs, conference instances, room intervals and the
 * daily usage figures (domain/usage-attribution.ts has the counting rules). Runs inside the
 * ingest worker's transaction; validation happens before any write, so a bad event is rejected
 * without touching the batch.
 */
export class EventApplier {
  constructor(
    private readonly deps: { cache: PolicyCache; settings: PolicySettingsSource; now?: () => Date },
  ) {}

  async context(): Promise<ApplyContext> {
    return { defaultDomain: (await this.deps.settings.current()).defaultDomain, usage: new UsageBatch() };
  }

  /** Applies one envelope (the one-by-one fallback after a failed batch). */
  async apply(tx: Db, envelope: EventEnvelope, context: ApplyContext): Promise<ApplyOutcome> {
    const [outcome = "ignored"] = await this.applyBatch(tx, [envelope], context);
    return outcome;
  }

  /**
   * Applies envelopes in order, answering each one's outcome. Participant events become call-leg
   * upserts sent many legs to a statement: the first event of every leg in the batch, then the
   * second, and so on — the same result as one by one (a leg's events keep their order, and one
   * leg's row never depends on another's), in a few statements instead of one per event.
   */
  async applyBatch(tx: Db, envelopes: EventEnvelope[], context: ApplyContext): Promise<ApplyOutcome[]> {
    const outcomes: ApplyOutcome[] = [];
    const legEvents: LegEvent[] = [];
    const starts: ConferenceInstance[] = [];
    const ends: Array<{ index: number; envelope: EventEnvelope }> = [];
    await this.deps.cache.prefetch(this.aliasesOf(envelopes, context), tx);
    for (const [index, envelope] of envelopes.entries()) {
      if (index > 0 && index % EVENTS_BETWEEN_YIELDS === 0) await setImmediate();
      switch (envelope.event) {
        case "participant_connected":
        case "participant_updated":
        case "participant_disconnected": {
          const read = await this.readParticipant(tx, context, envelope);
          if ("rejected" in read) outcomes[index] = read;
          else legEvents.push({ index, ...read });
          break;
        }
        case "conference_started": {
          const read = await this.readConference(tx, context, envelope);
          if ("rejected" in read) outcomes[index] = read;
          else {
            starts.push(read.instance(new Date((read.startTime ?? envelope.time) * 1000)));
            outcomes[index] = "applied";
          }
          break;
        }
        case "conference_ended":
          ends.push({ index, envelope });
          break;
        default:
          // eventsink_started/updated/stopped/ended, media-stream events, events of future versions.
          outcomes[index] = "ignored";
      }
    }
    // Every start first, in one statement: an end finds its instance whether its start came
    // before it in the batch or (out of order) after it, as it would one event at a time.
    await startInstances(tx, starts);
    await this.conferencesEnded(tx, context, ends, outcomes);
    for (const round of inRounds(legEvents, (event) => event.update.uuid)) {
      const stored = await upsertLegs(
        tx,
        round.map((event) => event.update),
      );
      for (const [i, event] of round.entries()) {
        if (i > 0 && i % EVENTS_BETWEEN_YIELDS === 0) await setImmediate();
        outcomes[event.index] = "applied";
        const leg = stored.get(event.update.uuid);
        if (leg?.endedAt) await this.countLeg(tx, context, leg, event.target);
      }
    }
    return outcomes;
  }

  private nowSeconds(): number {
    return (this.deps.now?.() ?? new Date()).getTime() / 1000;
  }

  /** What a participant event says about its leg, checked and attributed; nothing written yet. */
  private async readParticipant(
    tx: Db,
    context: ApplyContext,
    envelope: EventEnvelope,
  ): Promise<{ update: LegUpdate; target: AddressTarget | null } | { rejected: string }> {
    const lookUp = (alias: string) => this.lookUp(tx, context, alias);
    const { data } = envelope;
    const now = this.nowSeconds();
    const uuid = textField(data, "uuid", 100);
    if (!uuid) return { rejected: "participant event without a uuid" };
    const ended = envelope.event === "participant_disconnected";
    const connectTime = timeField(data, "connect_time", now);
    let endTime = ended ? (timeField(data, "end_time", now) ?? envelope.time) : null;
    let duration = ended ? numberField(data, "duration") : null;
    if (ended) {
      if (duration !== null && (duration < 0 || duration > MAX_CALL_SECONDS))
        return { rejected: `absurd duration ${duration} s` };
      if (connectTime !== null && endTime !== null && endTime < connectTime)
        return { rejected: "the call ended before it connected" };
      if (duration === null && connectTime !== null && endTime !== null) duration = endTime - connectTime;
      endTime ??= envelope.time;
    }
    const conference = textField(data, "conference");
    const target = await targetOf(
      lookUp,
      textField(data, "service_tag"),
      conference,
      textField(data, "destination_alias"),
    );
    const sourceAlias = textField(data, "source_alias");
    const caller = target ? await callerOf(lookUp, target.companyId, sourceAlias) : null;
    const update: LegUpdate = {
      uuid,
      companyId: target?.companyId ?? null,
      serviceTag: textField(data, "service_tag"),
      targetKind: target?.kind ?? null,
      targetId: target?.id ?? null,
      callerKind: caller?.kind ?? null,
      callerId: caller?.id ?? null,
      conference,
      serviceType: textField(data, "service_type", 50)?.toLowerCase() ?? null,
      protocol: textField(data, "protocol", 20)?.toUpperCase() ?? null,
      direction: textField(data, "call_direction", 10)?.toLowerCase() ?? null,
      sourceAlias,
      destinationAlias: textField(data, "destination_alias"),
      displayName: textField(data, "display_name"),
      role: textField(data, "role", 20),
      node: envelope.node,
      connectedAt: connectTime === null ? null : new Date(connectTime * 1000),
      endedAt: endTime === null ? null : new Date(endTime * 1000),
      durationSeconds: duration,
      disconnectReason: ended ? textField(data, "disconnect_reason", 500) : null,
      endedBy: ended ? "infinity" : null,
      eventAt: new Date(envelope.time * 1000),
    };
    return { update, target: target?.target ?? null };
  }

  /**
   * Adds an ended leg to the batch's usage figures (context.usage), once whatever replays or
   * sweeps follow: the flush claims it.
   */
  async countLeg(tx: Db, context: ApplyContext, leg: StoredLeg, target: AddressTarget | null): Promise<void> {
    const lookUp = (alias: string) => this.lookUp(tx, context, alias);
    if (!leg.companyId || !leg.connectedAt || leg.countedDay !== null) return;
    if (!isCountedLeg(leg)) return;
    const timeZone = await context.usage.timeZone(tx, leg.companyId);
    if (!timeZone) return;
    const day = dayIn(timeZone, leg.connectedAt);
    const roomTarget = target ?? (leg.conference ? await lookUp(leg.conference) : null);
    const parties: LegParties = {
      targetKind: leg.targetKind,
      targetId: leg.targetId,
      roomOwnerId:
        roomTarget?.type === "personal_room" && roomTarget.roomId === leg.targetId
          ? roomTarget.person.accountId
          : null,
      callerKind: leg.callerKind,
      callerId: leg.callerId,
      callerPersonId: await twinnedPerson(lookUp, leg),
    };
    context.usage.countLeg(leg.uuid, {
      companyId: leg.companyId,
      day,
      keys: callKeys(parties),
      figures: { calls: 1, callSeconds: Math.max(0, leg.durationSeconds ?? 0), roomSeconds: 0 },
    });
  }

  /** What a conference event says: its room (when it is one of ours) and its start; nothing written. */
  private async readConference(
    tx: Db,
    context: ApplyContext,
    envelope: EventEnvelope,
  ): Promise<ConferenceReading | { rejected: string }> {
    const { data } = envelope;
    const name = textField(data, "name");
    if (!name) return { rejected: "conference event without a name" };
    const target = await targetOf(
      (alias) => this.lookUp(tx, context, alias),
      textField(data, "tag"),
      name,
      null,
    );
    const room = target && (target.kind === "personal_room" || target.kind === "team_room") ? target : null;
    const instance = (startedAt: Date): ConferenceInstance => ({
      node: envelope.node,
      name,
      startedAt,
      companyId: room?.companyId ?? null,
      roomKind: room ? (room.kind as "personal_room" | "team_room") : null,
      roomId: room?.id ?? null,
    });
    return { name, room, instance, startTime: timeField(data, "start_time", this.nowSeconds()) };
  }

  /**
   * The batch's conference_ended events, in a few statements: each instance closed (in rounds,
   * so one instance's ends keep their order), then the closed runs added to their rooms' in-use
   * time in event order — the same figures as one event at a time.
   */
  private async conferencesEnded(
    tx: Db,
    context: ApplyContext,
    ends: Array<{ index: number; envelope: EventEnvelope }>,
    outcomes: ApplyOutcome[],
  ): Promise<void> {
    const closing: ClosingRun[] = [];
    for (const { index, envelope } of ends) {
      const read = await this.readConference(tx, context, envelope);
      if ("rejected" in read) {
        outcomes[index] = read;
        continue;
      }
      const endTime = timeField(envelope.data, "end_time", this.nowSeconds()) ?? envelope.time;
      const endedAt = new Date(endTime * 1000);
      const startedAt =
        read.startTime !== null
          ? new Date(read.startTime * 1000)
          : await openInstanceStart(tx, envelope.node, read.name, endedAt);
      if (!startedAt) outcomes[index] = { rejected: "conference ended that never started on this node" };
      else if (endedAt < startedAt) outcomes[index] = { rejected: "the conference ended before it started" };
      else {
        outcomes[index] = "applied";
        closing.push({ index, instance: read.instance(startedAt), endedAt, room: read.room });
      }
    }
    const closed: Array<{ run: ClosingRun; companyId: string; roomId: string }> = [];
    for (const round of inRounds(closing, (run) => instanceKey(run.instance))) {
      const byKey = new Map(round.map((run) => [instanceKey(run.instance), run]));
      for (const row of await endInstances(tx, round)) {
        const run = byKey.get(instanceKey(row));
        if (run && row.companyId && row.roomId)
          closed.push({ run, companyId: row.companyId, roomId: row.roomId });
      }
    }
    closed.sort((a, b) => a.run.index - b.run.index);
    const grew = await addRoomStretches(
      tx,
      closed.map(({ run, companyId, roomId }) => ({
        companyId,
        roomId,
        start: run.instance.startedAt,
        end: run.endedAt,
      })),
      mergeInterval,
    );
    for (const [i, { run, companyId, roomId }] of closed.entries()) {
      const grewBy = grew[i] ?? 0;
      if (grewBy <= 0) continue;
      const timeZone = await context.usage.timeZone(tx, companyId);
      if (!timeZone) continue;
      const owner = run.room?.target?.type === "personal_room" ? run.room.target.person.accountId : null;
      context.usage.addRoomUsage({
        companyId,
        day: dayIn(timeZone, run.instance.startedAt),
        keys: roomKeys(roomId, owner),
        figures: { calls: 0, callSeconds: 0, roomSeconds: grewBy },
      });
    }
  }

  /** Every address the batch will look up, for one read of those not cached. */
  private *aliasesOf(envelopes: EventEnvelope[], context: ApplyContext): Generator<string> {
    const fields = { conference: ["name"], participant: ["conference", "destination_alias", "source_alias"] };
    for (const { event, data } of envelopes) {
      const kind = event.startsWith("participant_")
        ? "participant"
        : event.startsWith("conference_")
          ? "conference"
          : null;
      for (const field of kind ? fields[kind] : []) {
        const alias = textField(data, field);
        const address = alias ? resolveInfinityAlias(alias, context.defaultDomain) : null;
        if (address) yield address;
      }
    }
  }

  private async lookUp(tx: Db, context: ApplyContext, alias: string): Promise<AddressTarget | null> {
    const address = resolveInfinityAlias(alias, context.defaultDomain);
    return address ? this.deps.cache.target(address, tx) : null;
  }
}

type LookUp = (alias: string) => Promise<AddressTarget | null>;

interface ConferenceReading {
  name: string;
  room: Target | null;
  /** The instance row for this node's run of the conference that started at `startedAt`. */
  instance: (startedAt: Date) => ConferenceInstance;
  startTime: number | null;
}

interface LegEvent {
  index: number;
  update: LegUpdate;
  target: AddressTarget | null;
}

interface ClosingRun {
  index: number;
  instance: ConferenceInstance;
  endedAt: Date;
  room: Target | null;
}

const instanceKey = (i: { node: string; name: string; startedAt: Date }) =>
  `${i.node}\u0000${i.name}\u0000${i.startedAt.getTime()}`;

/**
 * Round n holds every item's n-th appearance (a leg's event, an instance's end): none twice in
 * a round — one statement may touch a row once — and each one's order kept.
 */
function inRounds<T>(items: T[], keyOf: (item: T) => string): T[][] {
  const rounds: T[][] = [];
  const seen = new Map<string, number>();
  for (const item of items) {
    const key = keyOf(item);
    const round = seen.get(key) ?? 0;
    seen.set(key, round + 1);
    if (round === rounds.length) rounds.push([]);
    rounds[round]?.push(item);
  }
  return rounds;
}

/**
 * Which company object a service is: our service_tag says it exactly; without one (a service
 * from before Confero, a hand-made one) the conference name, then the dialled alias, is looked
 * up as an address.
 */
async function targetOf(
  lookUp: LookUp,
  tag: string | null,
  name: string | null,
  dialled: string | null,
): Promise<Target | null> {
  const parsed = parseServiceTag(tag);
  const byName = name ? await lookUp(name) : null;
  if (parsed) return { companyId: parsed.companyId, kind: parsed.kind, id: parsed.id, target: byName };
  const found = byName ?? (dialled ? await lookUp(dialled) : null);
  return found ? { companyId: found.companyId, kind: found.type, id: idOf(found), target: found } : null;
}

/** The calling member or video system, when the caller's alias is one of the company's. */
async function callerOf(lookUp: LookUp, companyId: string, sourceAlias: string | null) {
  const found = sourceAlias ? await lookUp(sourceAlias) : null;
  if (!found || found.companyId !== companyId) return null;
  if (found.type === "member") return { kind: "member" as const, id: found.person.accountId };
  if (found.type === "video_system") return { kind: "video_system" as const, id: found.systemId };
  return null;
}

async function twinnedPerson(lookUp: LookUp, leg: StoredLeg): Promise<string | null> {
  if (leg.callerKind !== "video_system" || !leg.sourceAlias) return null;
  const found = await lookUp(leg.sourceAlias);
  return found?.type === "video_system" && found.systemId === leg.callerId
    ? (found.person?.accountId ?? null)
    : null;
}

function idOf(target: AddressTarget): string {
  switch (target.type) {
    case "personal_room":
    case "team_room":
      return target.roomId;
    case "member":
      return target.person.accountId;
    case "video_system":
      return target.systemId;
  }
}

function numberField(data: Record<string, unknown>, key: string): number | null {
  const value = data[key];
  const n = typeof value === "string" && value.trim() !== "" ? Number(value) : value;
  return typeof n === "number" && Number.isFinite(n) ? n : null;
}
