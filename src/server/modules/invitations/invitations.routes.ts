import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { errorResponse } from "../../lib/http-schemas.js";
import { setSessionCookie } from "../../plugins/session.js";
import { clientInfo } from "../auth/auth.routes.js";
import { meResponse } from "../auth/auth.schemas.js";
import {
  acceptInvitationBody,
  invitationResponse,
  invitationToken,
  signInRequiredResponse,
} from "./invitations.schemas.js";
import type { InvitationsService } from "./invitations.service.js";

/** Public: whoever holds an invitation link may see it and accept it. */
export function invitationRoutes(
  app: FastifyInstance,
  deps: { invitations: InvitationsService; secureCookies: boolean },
): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ["invitations"];

  r.get(
    "/invitations/:token",
    {
      schema: {
        tags,
        summary: "Show an invitation (who is invited, to what, until when)",
        params: invitationToken,
        response: { 200: invitationResponse, 400: errorResponse, 404: errorResponse },
      },
    },
    async (request) => deps.invitations.describe(request.params.token),
  );

  r.post(
    "/invitations/:token/accept",
    {
      schema: {
        tags,
        summary: "Accept an invitation: set a password, activate the account and sign in",
        params: invitationToken,
        body: acceptInvitationBody,
        response: {
          200: meResponse,
          202: signInRequiredResponse,
          400: errorResponse,
          403: errorResponse,
          404: errorResponse,
          409: errorResponse,
        },
      },
    },
    async (request, reply) => {
      const { sessionToken, me } = await deps.invitations.accept(
        request.params.token,
        request.body,
        clientInfo(request),
      );
      // Without a session (two-factor sign-in to set up first) the page sends them to sign in.
      if (!sessionToken)
        return reply.status(202).send({ status: "sign_in_required" as const, login: me.email });
      setSessionCookie(reply, sessionToken, deps.secureCookies);
      return me;
    },
  );
}
