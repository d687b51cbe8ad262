/**
 * The one way the web app talks to the API: same-origin JSON under /api/v1, CSRF header on
 * every state-changing request, and every non-2xx answer turned into an ApiError.
 */

const API_BASE = "/api/v1";
const CSRF_COOKIE = "csrf_token";
const CSRF_HEADER = "X-CSRF-Token";
const UNSAFE_METHODS = new Set(["POST", "PUT", "PATCH", "DELETE"]);

export type FieldErrors = Record<string, string>;

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields: FieldErrors = {},
    /** Seconds from the Retry-After header of a 429, when the server sent one. */
    readonly retryAfterSeconds: number | null = null,
  ) {
    super(message);
    this.name = "ApiError";
  }
}

export function isApiError(error: unknown, status?: number): error is ApiError {
  return error instanceof ApiError && (status === undefined || error.status === status);
}

interface RequestOptions {
  method?: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  body?: unknown;
  /** A file sent as it is (a CSV upload), instead of a JSON body. */
  file?: { data: Blob; type: string };
  signal?: AbortSignal;
}

export async function apiRequest<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const response = await send(path, options, "application/json");
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

/** A file the API makes (a CSV), for the browser to save. */
export async function apiDownload(path: string, options: RequestOptions = {}): Promise<Blob> {
  return (await send(path, options, "*/*")).blob();
}

async function send(path: string, options: RequestOptions, accept: string): Promise<Response> {
  const method = options.method ?? "GET";
  const headers: Record<string, string> = { Accept: accept };
  if (options.file) headers["Content-Type"] = options.file.type;
  else if (options.body !== undefined) headers["Content-Type"] = "application/json";
  if (UNSAFE_METHODS.has(method)) headers[CSRF_HEADER] = await csrfToken();

  let response: Response;
  try {
    response = await fetch(`${API_BASE}${path}`, {
      method,
      headers,
      body: options.file
        ? options.file.data
        : options.body === undefined
          ? undefined
          : JSON.stringify(options.body),
      credentials: "same-origin",
      signal: options.signal,
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === "AbortError") throw error;
    throw new ApiError(
      0,
      "NETWORK_ERROR",
      "Could not reach the server. Check your connection and try again.",
    );
  }
  if (!response.ok) throw await toApiError(response);
  return response;
}

/**
 * The cookie is read at call time because the server may rotate it (e.g. at sign-in). On the
 * very first visit there is none yet; any GET makes the server set it.
 */
async function csrfToken(): Promise<string> {
  const existing = readCookie(CSRF_COOKIE);
  if (existing) return existing;
  await fetch(`${API_BASE}/me`, {
    credentials: "same-origin",
    headers: { Accept: "application/json" },
  }).catch(() => undefined);
  return readCookie(CSRF_COOKIE) ?? "";
}

function readCookie(name: string): string | null {
  for (const part of document.cookie.split(";")) {
    const [key, ...rest] = part.trim().split("=");
    if (key === name) return decodeURIComponent(rest.join("="));
  }
  return null;
}

interface ErrorBody {
  error?: { code?: unknown; message?: unknown; fields?: unknown };
}

async function toApiError(response: Response): Promise<ApiError> {
  let body: ErrorBody = {};
  try {
    body = (await response.json()) as ErrorBody;
  } catch {
    // Not JSON (e.g. a proxy's HTML error page): fall back to a generic message below.
  }
  const code = typeof body.error?.code === "string" ? body.error.code : `HTTP_${response.status}`;
  const fields = isStringRecord(body.error?.fields) ? body.error.fields : {};

  if (response.status === 429) {
    const retryAfter = parseRetryAfter(response.headers.get("Retry-After"));
    return new ApiError(429, code, tooManyAttemptsMessage(retryAfter), fields, retryAfter);
  }
  const message =
    typeof body.error?.message === "string" && body.error.message
      ? body.error.message
      : genericMessage(response.status);
  return new ApiError(response.status, code, message, fields);
}

function parseRetryAfter(header: string | null): number | null {
  if (!header) return null;
  const seconds = Number(header);
  if (Number.isFinite(seconds) && seconds >= 0) return Math.ceil(seconds);
  const date = Date.parse(header);
  return Number.isNaN(date) ? null : Math.max(0, Math.ceil((date - Date.now()) / 1000));
}

/** Same wording as the server's RateLimitedError, so the user sees one message either way. */
export function tooManyAttemptsMessage(seconds: number | null): string {
  if (seconds === null) return "Too many attempts. Try again later.";
  if (seconds < 90) return `Too many attempts. Try again in ${seconds} second${seconds === 1 ? "" : "s"}.`;
  return `Too many attempts. Try again in ${Math.ceil(seconds / 60)} minutes.`;
}

function genericMessage(status: number): string {
  if (status >= 500) return "Something went wrong on the server. Try again in a moment.";
  if (status === 404) return "Not found.";
  if (status === 403) return "You don't have permission to do that.";
  return "The request could not be completed.";
}

function isStringRecord(value: unknown): value is FieldErrors {
  return (
    typeof value === "object" &&
    value !== null &&
    Object.values(value).every((entry) => typeof entry === "string")
  );
}
