import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { errorResponse, standardErrors } from "../../lib/http-schemas.js";
import { requireActor, requireSession } from "../../plugins/session.js";
import {
  connectInfo,
  connectLink,
  connectParams,
  connectRooms,
  dialBody,
  dialResult,
  qrQuery,
  rotatedLink,
  videoSystemParams,
} from "./meeting-connect.schemas.js";
import type { MeetingConnectService } from "./meeting-connect.service.js";
import type { VideoSystemQrService } from "./video-system-qr.service.js";

const tags = ["meeting connect"];
const base = "/companies/:companyId/video-systems/:videoSystemId";

/** A video system's QR code for its admins, and the public MeetingConnect API the code leads to. */
export function meetingConnectRoutes(
  app: FastifyInstance,
  deps: { qr: VideoSystemQrService; connect: MeetingConnectService },
): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { qr, connect } = deps;

  r.get(
    `${base}/meeting-connect`,
    {
      preValidation: requireSession,
      schema: {
        tags,
        summary: "The video system's MeetingConnect address (what its QR code encodes)",
        params: videoSystemParams,
        response: { 200: connectLink, ...standardErrors },
      },
    },
    async (request) =>
      qr.describe(requireActor(request), request.params.companyId, request.params.videoSystemId),
  );

  r.get(
    `${base}/qr.png`,
    {
      preValidation: requireSession,
      schema: {
        tags,
        summary: "The MeetingConnect QR code as a PNG image (?size in pixels, default 512)",
        params: videoSystemParams,
        querystring: qrQuery,
      },
    },
    async (request, reply) => {
      const { companyId, videoSystemId } = request.params;
      const png = await qr.png(requireActor(request), companyId, videoSystemId, request.query.size);
      return reply
        .type("image/png")
        .header("cache-control", "no-store")
        .header("content-disposition", `inline; filename="${png.fileName}"`)
        .send(png.image);
    },
  );

  r.get(
    `${base}/qr.svg`,
    {
      preValidation: requireSession,
      schema: {
        tags,
        summary: "The MeetingConnect QR code as an SVG image",
        params: videoSystemParams,
      },
    },
    async (request, reply) => {
      const { companyId, videoSystemId } = request.params;
      const svg = await qr.svg(requireActor(request), companyId, videoSystemId);
      return reply
        .type("image/svg+xml")
        .header("cache-control", "no-store")
        .header("content-disposition", `inline; filename="${svg.fileName}"`)
        .send(svg.image);
    },
  );

  r.post(
    `${base}/connect-token`,
    {
      preValidation: requireSession,
      schema: {
        tags,
        summary: "Make a new QR code: printed copies of the old one stop working",
        params: videoSystemParams,
        response: { 200: rotatedLink, ...standardErrors },
      },
    },
    async (request) =>
      qr.rotate(requireActor(request), request.params.companyId, request.params.videoSystemId),
  );

  r.get(
    "/connect/:token",
    {
      schema: {
        tags,
        summary: "Which video system a MeetingConnect QR code names (public: the code is on the system)",
        params: connectParams,
        response: { 200: connectInfo, 404: errorResponse },
      },
    },
    async (request) => connect.describe(request.params.token),
  );

  r.get(
    "/connect/:token/rooms",
    {
      preValidation: requireSession,
      schema: {
        tags,
        summary: "The rooms you can join from this video system: your own VMR and the team rooms",
        params: connectParams,
        response: { 200: connectRooms, ...standardErrors },
      },
    },
    async (request) => connect.rooms(requireActor(request), request.params.token),
  );

  r.post(
    "/connect/:token/dial",
    {
      preValidation: requireSession,
      schema: {
        tags,
        summary: "Ask the call platform to dial this video system into a room",
        params: connectParams,
        body: dialBody,
        response: { 200: dialResult, ...standardErrors, 409: errorResponse, 502: errorResponse },
      },
    },
    async (request) => connect.dial(requireActor(request), request.params.token, request.body.address),
  );
}
