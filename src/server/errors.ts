/**
 * The one closed set of errors services may throw. The error handler turns each into
 * `{ "error": { "code", "message", "fields"? } }` with its status; anything else is a 500
 * whose details stay in the log.
 */
export type FieldProblems = Record<string, string>;

export abstract class AppError extends Error {
  abstract readonly status: number;
  abstract readonly code: string;
  readonly headers: Record<string, string> = {};
}

export class ValidationError extends AppError {
  readonly status = 400;
  readonly code = "VALIDATION_FAILED";
  constructor(
    readonly fields: FieldProblems,
    message = "Some fields need attention.",
  ) {
    super(message);
  }
}

/** A request that is well-formed but refers to a link or token that no longer works. */
export class InvalidTokenError extends AppError {
  readonly status = 400;
  readonly code = "INVALID_TOKEN";
}

export class UnauthenticatedError extends AppError {
  readonly status = 401;
  readonly code: string;
  constructor(message = "Sign in to continue.", code = "UNAUTHENTICATED") {
    super(message);
    this.code = code;
  }
}

/** Your company, but not your role. Another tenant's object is NotFound, never Forbidden. */
export class ForbiddenError extends AppError {
  readonly status = 403;
  readonly code: string;
  constructor(message = "You don't have permission to do that.", code = "FORBIDDEN") {
    super(message);
    this.code = code;
  }
}

export class NotFoundError extends AppError {
  readonly status = 404;
  readonly code = "NOT_FOUND";
}

export class ConflictError extends AppError {
  readonly status = 409;
  readonly code: string;
  constructor(
    message: string,
    readonly fields?: FieldProblems,
    code = "CONFLICT",
  ) {
    super(message);
    this.code = code;
  }
}

export class LicenceLimitError extends AppError {
  readonly status = 409;
  readonly code = "LICENCE_LIMIT";
}

export class RateLimitedError extends AppError {
  readonly status = 429;
  readonly code = "RATE_LIMITED";
  constructor(readonly retryAfterSeconds: number) {
    super(`Too many attempts. Try again in ${describeWait(retryAfterSeconds)}.`);
    this.headers["retry-after"] = String(retryAfterSeconds);
  }
}

function describeWait(seconds: number): string {
  if (seconds < 90) return `${seconds} second${seconds === 1 ? "" : "s"}`;
  return `${Math.ceil(seconds / 60)} minutes`;
}

/** A service Confero relies on (Pexip Infinity's management API) failed or did not answer. */
export class UpstreamError extends AppError {
  readonly status = 502;
  readonly code = "UPSTREAM_FAILED";
}
