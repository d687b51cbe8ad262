import type { FastifyInstance, LightMyRequestResponse } from "fastify";

type Method = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

/**
 * Talks to the app like a browser does: keeps cookies between requests and sends the
 * csrf_token cookie back in X-CSRF-Token on state-changing requests (as the web app does).
 */
export class TestClient {
  readonly cookies = new Map<string, string>();
  sendCsrf = true;

  constructor(private readonly app: FastifyInstance) {}

  get(url: string, headers: Record<string, string> = {}) {
    return this.request("GET", url, undefined, headers);
  }

  post(url: string, body?: unknown, headers: Record<string, string> = {}) {
    return this.request("POST", url, body, headers);
  }

  async request(method: Method, url: string, body?: unknown, headers: Record<string, string> = {}) {
    if (method !== "GET" && this.sendCsrf && !this.cookies.has("csrf_token"))
      await this.get("/api/v1/setup/status");
    const allHeaders: Record<string, string> = { ...headers };
    if (this.cookies.size > 0) {
      allHeaders.cookie = [...this.cookies].map(([name, value]) => `${name}=${value}`).join("; ");
    }
    if (method !== "GET" && this.sendCsrf && this.cookies.has("csrf_token")) {
      allHeaders["x-csrf-token"] ??= this.cookies.get("csrf_token") ?? "";
    }
    const response = await this.app.inject({
      method,
      url,
      headers: allHeaders,
      ...(body === undefined
        ? {}
        : typeof body === "string"
          ? { payload: body }
          : { payload: body as object }),
    });
    this.remember(response);
    return response;
  }

  private remember(response: LightMyRequestResponse): void {
    for (const cookie of response.cookies as {
      name: string;
      value: string;
      maxAge?: number;
      expires?: Date;
    }[]) {
      const expired =
        cookie.maxAge === 0 ||
        (cookie.expires && cookie.expires.getTime() <= Date.now()) ||
        cookie.value === "";
      if (expired) this.cookies.delete(cookie.name);
      else this.cookies.set(cookie.name, cookie.value);
    }
  }
}
