import { apiRequest } from "../../api/client";
import type { EndpointActivationCode, EndpointActivationStatus, MeetingConnectLink } from "../../api/types";

/** The API path of one video system of a company. */
export const videoSystemApiPath = (companyId: string, id: string) =>
  `/companies/${encodeURIComponent(companyId)}/video-systems/${encodeURIComponent(id)}`;

export function fetchActivation(
  companyId: string,
  id: string,
  signal?: AbortSignal,
): Promise<EndpointActivationStatus> {
  return apiRequest(`${videoSystemApiPath(companyId, id)}/activation`, { signal });
}

export function issueActivationCode(companyId: string, id: string): Promise<EndpointActivationCode> {
  return apiRequest(`${videoSystemApiPath(companyId, id)}/activation-codes`, { method: "POST" });
}

export function fetchConnectLink(
  companyId: string,
  id: string,
  signal?: AbortSignal,
): Promise<MeetingConnectLink> {
  return apiRequest(`${videoSystemApiPath(companyId, id)}/meeting-connect`, { signal });
}

export function rotateConnectToken(companyId: string, id: string): Promise<{ connectUrl: string }> {
  return apiRequest(`${videoSystemApiPath(companyId, id)}/connect-token`, { method: "POST" });
}

/** The QR code images, for <img> and download links (same-origin, the session cookie goes along). */
export function qrImageUrl(
  companyId: string,
  id: string,
  format: "png" | "svg",
  options: { size?: number; version?: string } = {},
) {
  const query = new URLSearchParams();
  if (options.size) query.set("size", String(options.size));
  // Changes when the QR code is replaced, so the browser never shows a cached old image.
  if (options.version) query.set("v", options.version);
  const suffix = query.size > 0 ? `?${query}` : "";
  return `/api/v1${videoSystemApiPath(companyId, id)}/qr.${format}${suffix}`;
}
