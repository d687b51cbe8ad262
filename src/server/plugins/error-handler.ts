import type { FastifyContextConfig, FastifyError, FastifyInstance } from "fastify";
import { hasZodFastifySchemaValidationErrors } from "fastify-type-provider-zod";
import { z } from "zod";
import { AppError, type FieldProblems } from "../errors.js";

/**
 * The one place errors become HTTP answers: `{ "error": { "code", "message", "fields"? } }`.
 * Client mistakes (bad JSON, wrong types, unknown fields, oversize bodies) are 4xx with a
 * clear message; anything unexpected is a 500 whose details stay in the log.
 */
export function registerErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof AppError) {
      const fields = "fields" in error ? (error.fields as FieldProblems | undefined) : undefined;
      return reply
        .status(error.status)
        .headers(error.headers)
        .send({ error: { code: error.code, message: error.message, ...(fields ? { fields } : {}) } });
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const fields: FieldProblems = {};
      for (const issue of error.validation) {
        const path = issue.instancePath.split("/").filter(Boolean).join(".");
        const keys = (issue.params as { keys?: string[] }).keys;
        if (issue.keyword === "unrecognized_keys" && keys) {
          for (const key of keys) fields[path ? `${path}.${key}` : key] = "Unknown field.";
        } else {
          fields[path || (error.validationContext ?? "body")] ??= issue.message ?? "Invalid value.";
        }
      }
      const where = error.validationContext === "querystring" ? "query parameters" : error.validationContext;
      return reply.status(400).send({
        error: {
          code: "VALIDATION_FAILED",
          message: `Some ${where ?? "input"} fields need attention.`,
          fields,
        },
      });
    }
    const status = error.statusCode ?? 500;
    if (status >= 400 && status < 500) {
      const code = clientErrorCode(error);
      const message = routeBodyMessage(request.routeOptions.config, code) ?? clientErrorMessage(error);
      return reply.status(status).send({ error: { code, message } });
    }
    request.log.error({ err: error }, "request failed");
    return reply.status(500).send({
      error: { code: "INTERNAL", message: "Something went wrong on our side. The error has been logged." },
    });
  });

  app.setNotFoundHandler((request, reply) =>
    reply.status(404).send({
      error: { code: "NOT_FOUND", message: `No route for ${request.method} ${request.url.split("?")[0]}.` },
    }),
  );
}

declare module "fastify" {
  interface FastifyContextConfig {
    /** What a route that takes something other than JSON (a CSV upload) says about bad bodies. */
    bodyMessages?: { tooLarge?: string; unsupportedType?: string };
  }
}

function routeBodyMessage(config: FastifyContextConfig | undefined, code: string): string | undefined {
  if (code === "PAYLOAD_TOO_LARGE") return config?.bodyMessages?.tooLarge;
  if (code === "UNSUPPORTED_MEDIA_TYPE") return config?.bodyMessages?.unsupportedType;
  return undefined;
}

function clientErrorCode(error: FastifyError): string {
  switch (error.code) {
    case "FST_ERR_CTP_BODY_TOO_LARGE":
      return "PAYLOAD_TOO_LARGE";
    case "FST_ERR_CTP_INVALID_MEDIA_TYPE":
      return "UNSUPPORTED_MEDIA_TYPE";
    case "FST_ERR_CTP_EMPTY_JSON_BODY":
    case "FST_ERR_CTP_INVALID_JSON_BODY":
      return "MALFORMED_JSON";
    default:
      return error.statusCode === 400 && error instanceof SyntaxError ? "MALFORMED_JSON" : "BAD_REQUEST";
  }
}

function clientErrorMessage(error: FastifyError): string {
  switch (clientErrorCode(error)) {
    case "PAYLOAD_TOO_LARGE":
      return "The request body is too large.";
    case "UNSUPPORTED_MEDIA_TYPE":
      return "Send the body as application/json.";
    case "MALFORMED_JSON":
      return "The request body is not valid JSON.";
    default:
      return error.message;
  }
}

/** Plain-language messages for the schema checks every route shares. */
export function configureZodMessages(): void {
  z.config({
    customError: (issue) => {
      if (issue.code === "invalid_type") {
        return issue.input === undefined ? "Required." : `Expected ${issue.expected}.`;
      }
      return undefined;
    },
  });
}
