/**
 * The answers Infinity understands (pexip-infinity.md §1). With `status: "success"` and a
 * result Infinity uses the result; otherwise `action` says whether it refuses the call
 * (`reject`) or falls back to its own database (`continue`). `reason` is an extra key Infinity
 * logs: every refusal and fall-back carries one, for whoever reads the call's history.
 */
export interface PolicyAnswer<Result = Record<string, unknown>> {
  statusCode: 200 | 404;
  /** `body` as JSON, when the answer is kept and sent again (a room's): serialised once. */
  json?: string;
  body: {
    status: "success" | "fail";
    action?: "continue" | "reject";
    reason?: string;
    result: Result;
  };
}

/** Infinity's string fields hold at most 250 characters. */
export const MAX_RESULT_STRING = 250;

export const clip = (value: string): string =>
  value.length > MAX_RESULT_STRING ? value.slice(0, MAX_RESULT_STRING) : value;

export const success = <Result>(result: Result): PolicyAnswer<Result> => ({
  statusCode: 200,
  body: { status: "success", action: "continue", result },
});

/** Infinity decides as if there were no policy server. */
export const fallBack = (reason: string): PolicyAnswer<Record<string, never>> => ({
  statusCode: 200,
  body: { status: "success", action: "continue", reason, result: {} },
});

export const reject = (reason: string): PolicyAnswer<Record<string, never>> => ({
  statusCode: 200,
  body: { status: "success", action: "reject", reason, result: {} },
});

/** The answer Pexip's own sample policy server gives for an address it does not know. */
export const notFound = (reason: string): PolicyAnswer<Record<string, never>> => ({
  statusCode: 404,
  body: { status: "fail", action: "continue", reason, result: {} },
});
