import type { z } from "zod";
import type { VideoSystemView } from "./video-systems.repository.js";
import type { videoSystem } from "./video-systems.schemas.js";

/**
 * Video systems leave only through this mapper: never the SIP password or the connect token
 * (the QR endpoints hand that out on their own).
 */
export type VideoSystemDto = z.infer<typeof videoSystem>;
export type VideoSystemStatus = VideoSystemDto["status"];

/** Registered (it has registered at least once) beats Activated (its code was redeemed). */
export function videoSystemStatus(row: { activatedAt: Date | null; registeredAt: Date | null }) {
  if (row.registeredAt) return "registered" as const;
  if (row.activatedAt) return "activated" as const;
  return "not_activated" as const;
}

export function toVideoSystem(view: VideoSystemView): VideoSystemDto {
  const { system, member } = view;
  return {
    id: system.id,
    name: system.name,
    videoAddress: system.address,
    serialNumber: system.serialNumber,
    twinnedMember: member ? { id: member.id, fullName: member.fullName } : null,
    usesMemberAddress: member !== null && member.videoAddress === system.address,
    status: videoSystemStatus(system),
    activatedAt: system.activatedAt?.toISOString() ?? null,
    registeredAt: system.registeredAt?.toISOString() ?? null,
    createdAt: system.createdAt.toISOString(),
  };
}
