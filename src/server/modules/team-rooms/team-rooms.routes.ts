import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { errorResponse, standardErrors } from "../../lib/http-schemas.js";
import { requireActor, requireSession } from "../../plugins/session.js";
import type { OwnTeamRoomsService } from "./own-team-rooms.service.js";
import {
  companyParams,
  createTeamRoomBody,
  createTeamRoomResponse,
  deleteTeamRoomsResponse,
  ownRoomListQuery,
  ownRoomParams,
  ownTeamRoomListResponse,
  setOwnersBody,
  teamRoom,
  teamRoomIdsBody,
  teamRoomListQuery,
  teamRoomListResponse,
  teamRoomParams,
  updateOwnTeamRoomBody,
  updateOwnTeamRoomResponse,
  updateTeamRoomBody,
  updateTeamRoomResponse,
} from "./team-rooms.schemas.js";
import type { TeamRoomsService } from "./team-rooms.service.js";

const errors = { ...standardErrors, 409: errorResponse };

export function teamRoomRoutes(
  app: FastifyInstance,
  deps: { teamRooms: TeamRoomsService; ownTeamRooms: OwnTeamRoomsService },
): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { teamRooms, ownTeamRooms } = deps;
  const tags = ["team rooms"];
  const base = "/companies/:companyId/team-rooms";

  r.get(
    base,
    {
      preValidation: requireSession,
      schema: {
        tags,
        summary: "The company's team rooms (search by name or address, by name) and its licences",
        params: companyParams,
        querystring: teamRoomListQuery,
        response: { 200: teamRoomListResponse, ...standardErrors },
      },
    },
    async (request) => teamRooms.list(requireActor(request), request.params.companyId, request.query),
  );

  r.post(
    base,
    {
      preValidation: requireSession,
      schema: {
        tags,
        summary: "Add a team room (uses one licence): name, video address, optional host and guest PIN",
        params: companyParams,
        body: createTeamRoomBody,
        response: { 201: createTeamRoomResponse, ...errors },
      },
    },
    async (request, reply) => {
      const created = await teamRooms.create(requireActor(request), request.params.companyId, request.body);
      return reply.status(201).send(created);
    },
  );

  r.post(
    `${base}/delete`,
    {
      preValidation: requireSession,
      schema: {
        tags,
        summary: "Delete team rooms with their addresses, freeing their licences (all or nothing)",
        params: companyParams,
        body: teamRoomIdsBody,
        response: { 200: deleteTeamRoomsResponse, ...errors },
      },
    },
    async (request) => teamRooms.delete(requireActor(request), request.params.companyId, request.body.ids),
  );

  r.get(
    `${base}/:roomId`,
    {
      preValidation: requireSession,
      schema: {
        tags,
        summary: "One team room with its PINs and owners",
        params: teamRoomParams,
        response: { 200: teamRoom, ...standardErrors },
      },
    },
    async (request) => teamRooms.get(requireActor(request), request.params.companyId, request.params.roomId),
  );

  r.patch(
    `${base}/:roomId`,
    {
      preValidation: requireSession,
      schema: {
        tags,
        summary: "Change a team room: name, address name part (the domain is fixed), PINs (null removes)",
        params: teamRoomParams,
        body: updateTeamRoomBody,
        response: { 200: updateTeamRoomResponse, ...errors },
      },
    },
    async (request) =>
      teamRooms.update(requireActor(request), request.params.companyId, request.params.roomId, request.body),
  );

  r.put(
    `${base}/:roomId/owners`,
    {
      preValidation: requireSession,
      schema: {
        tags,
        summary: "Who controls the room besides the admins: nobody, all members, or chosen members",
        params: teamRoomParams,
        body: setOwnersBody,
        response: { 200: teamRoom, ...errors },
      },
    },
    async (request) =>
      teamRooms.setOwners(
        requireActor(request),
        request.params.companyId,
        request.params.roomId,
        request.body,
      ),
  );

  r.get(
    "/me/rooms",
    {
      preValidation: requireSession,
      schema: {
        tags,
        summary: "The team rooms you control (as their owner or your company's admin), with their PINs",
        querystring: ownRoomListQuery,
        response: { 200: ownTeamRoomListResponse, ...standardErrors },
      },
    },
    async (request) => ownTeamRooms.list(requireActor(request), request.query),
  );

  r.patch(
    "/me/rooms/:roomId",
    {
      preValidation: requireSession,
      schema: {
        tags,
        summary: "Change the name and PINs of a team room you control (null removes a PIN)",
        params: ownRoomParams,
        body: updateOwnTeamRoomBody,
        response: { 200: updateOwnTeamRoomResponse, ...standardErrors },
      },
    },
    async (request) => ownTeamRooms.update(requireActor(request), request.params.roomId, request.body),
  );
}
