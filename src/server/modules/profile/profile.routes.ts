import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { standardErrors } from "../../lib/http-schemas.js";
import { requireActor, requireSession } from "../../plugins/session.js";
import {
  profileResponse,
  updatePersonalRoomBody,
  updatePersonalRoomResponse,
  updateProfileBody,
} from "./profile.schemas.js";
import type { ProfileService } from "./profile.service.js";

export function profileRoutes(app: FastifyInstance, deps: { profile: ProfileService }): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { profile } = deps;
  const tags = ["profile"];

  r.get(
    "/me/profile",
    {
      preValidation: requireSession,
      schema: {
        tags,
        summary: "Your profile: name, addresses, company and your personal VMR with its PINs",
        response: { 200: profileResponse, ...standardErrors },
      },
    },
    async (request) => profile.get(requireActor(request)),
  );

  r.patch(
    "/me/profile",
    {
      preValidation: requireSession,
      schema: {
        tags,
        summary: "Change your display name",
        body: updateProfileBody,
        response: { 200: profileResponse, ...standardErrors },
      },
    },
    async (request) => profile.updateProfile(requireActor(request), request.body),
  );

  r.patch(
    "/me/personal-room",
    {
      preValidation: requireSession,
      schema: {
        tags,
        summary: "Change your personal VMR's name and host and guest PINs (null removes a PIN)",
        body: updatePersonalRoomBody,
        response: { 200: updatePersonalRoomResponse, ...standardErrors },
      },
    },
    async (request) => profile.updatePersonalRoom(requireActor(request), request.body),
  );
}
