import type { ScimProblem, ScimType } from "../../../domain/scim-user.js";
import {
  AppError,
  ConflictError,
  LicenceLimitError,
  NotFoundError,
  UnauthenticatedError,
  ValidationError,
} from "../../errors.js";

/**
 * SCIM answers errors in its own schema (RFC 7644 §3.12): `{schemas, status, scimType?, detail}`
 * with the HTTP status as a string. Services throw the shared errors (errors.ts); a SCIM-specific
 * 400 is a ValidationError carrying its `scimType`. This file turns either into the SCIM body.
 */
export const ERROR_SCHEMA = "urn:ietf:params:scim:api:messages:2.0:Error";
export const SCIM_CONTENT_TYPE = "application/scim+json; charset=utf-8";

export class ScimBadRequest extends ValidationError {
  constructor(
    readonly scimType: ScimType,
    detail: string,
  ) {
    super({ [scimType]: detail }, detail);
  }
}

export function badRequest(problem: ScimProblem): ScimBadRequest {
  return new ScimBadRequest(problem.scimType, problem.detail);
}

export interface ScimErrorBody {
  schemas: [typeof ERROR_SCHEMA];
  status: string;
  scimType?: ScimType;
  detail: string;
}

export function scimErrorBody(status: number, detail: string, scimType?: ScimType): ScimErrorBody {
  return { schemas: [ERROR_SCHEMA], status: String(status), ...(scimType ? { scimType } : {}), detail };
}

/** The status and SCIM body for anything a SCIM request failed with; 5xx details stay in the log. */
export function toScimError(error: unknown): { status: number; body: ScimErrorBody } {
  if (error instanceof ScimBadRequest) {
    return { status: 400, body: scimErrorBody(400, error.message, error.scimType) };
  }
  if (error instanceof ValidationError) {
    const detail = Object.entries(error.fields)
      .map(([field, message]) => `${field}: ${message}`)
      .join(" ");
    return { status: 400, body: scimErrorBody(400, detail || error.message, "invalidValue") };
  }
  // A taken email, external id or video address: SCIM's uniqueness; the licence limit: plain 409.
  if (error instanceof LicenceLimitError) return { status: 409, body: scimErrorBody(409, error.message) };
  if (error instanceof ConflictError) {
    const uniqueness = Boolean(error.fields && Object.keys(error.fields).length > 0);
    return { status: 409, body: scimErrorBody(409, error.message, uniqueness ? "uniqueness" : undefined) };
  }
  if (error instanceof NotFoundError || error instanceof UnauthenticatedError || error instanceof AppError) {
    return { status: error.status, body: scimErrorBody(error.status, error.message) };
  }
  const status = (error as { statusCode?: number }).statusCode ?? 500;
  if (status === 400) {
    return { status, body: scimErrorBody(400, "The request body is not valid JSON.", "invalidSyntax") };
  }
  if (status === 413) return { status, body: scimErrorBody(413, "The request body is too large.") };
  if (status === 415) {
    return {
      status,
      body: scimErrorBody(415, "Send the body as application/scim+json or application/json."),
    };
  }
  if (status > 400 && status < 500)
    return { status, body: scimErrorBody(status, "The request was refused.") };
  return {
    status: 500,
    body: scimErrorBody(500, "Something went wrong on our side. The error has been logged."),
  };
}
