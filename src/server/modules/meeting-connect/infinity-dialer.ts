import type { BasicCredentials } from "../../config.js";
import { UpstreamError } from "../../errors.js";

export interface DialRequest {
  conference_alias: string;
  destination: string;
  protocol: "sip";
  role: "chair" | "guest";
  routing: "routing_rule";
  remote_display_name: string;
}

export const DIAL_PATH = "/api/admin/command/v1/participant/dial/";
const TIMEOUT_MS = 10_000;

/**
 * Pexip Infinity's management API: asks it to dial a video system into a conference. Infinity
 * answers `{"status":"success","data":{"participant_id":…}}`; anything else — an error status,
 * another body, no answer within 10 s — is an UpstreamError (502) saying what happened, with no
 * credentials in it.
 */
export async function dialParticipant(
  api: BasicCredentials & { url: string },
  request: DialRequest,
  timeoutMs = TIMEOUT_MS,
): Promise<{ participantId: string | null }> {
  const authorization = `Basic ${Buffer.from(`${api.username}:${api.password}`).toString("base64")}`;
  let response: Response;
  try {
    response = await fetch(`${api.url}${DIAL_PATH}`, {
      method: "POST",
      headers: { authorization, "content-type": "application/json", accept: "application/json" },
      body: JSON.stringify(request),
      signal: AbortSignal.timeout(timeoutMs),
      redirect: "error",
    });
  } catch (error) {
    const timedOut = error instanceof Error && error.name === "TimeoutError";
    throw new UpstreamError(
      timedOut
        ? "The call platform did not answer in time. Try again in a moment."
        : "Confero could not reach the call platform. Try again in a moment, or dial from the video system.",
    );
  }
  const body = (await response.json().catch(() => null)) as {
    status?: unknown;
    data?: { participant_id?: unknown };
  } | null;
  if (!response.ok || body?.status !== "success") {
    const why =
      response.status === 401 || response.status === 403 ? " (Confero's API credentials were refused)" : "";
    throw new UpstreamError(
      `The call platform could not dial the video system: HTTP ${response.status}${why}.`,
    );
  }
  const participant = body.data?.participant_id;
  return { participantId: typeof participant === "string" ? participant : null };
}
