import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { standardErrors } from "../../lib/http-schemas.js";
import { requireActor, requireSession } from "../../plugins/session.js";
import { companyParams } from "../members/members.schemas.js";
import type { PersonalRoomsService } from "./personal-rooms.service.js";

export function personalRoomRoutes(
  app: FastifyInstance,
  deps: { personalRooms: PersonalRoomsService },
): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.post(
    "/companies/:companyId/personal-rooms/host-pins",
    {
      preValidation: requireSession,
      schema: {
        tags: ["rooms"],
        summary: "Give every personal VMR without a host PIN a random 4-digit host PIN",
        params: companyParams,
        response: { 200: z.object({ set: z.number() }), ...standardErrors },
      },
    },
    async (request) => deps.personalRooms.setMissingHostPins(requireActor(request), request.params.companyId),
  );
}
