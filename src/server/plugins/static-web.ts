import { existsSync } from "node:fs";
import path from "node:path";
import fastifyStatic from "@fastify/static";
import type { FastifyInstance } from "fastify";
import { packageRoot } from "../lib/package-root.js";

export function webBuildDir(): string {
  return path.join(packageRoot(), "dist", "web");
}

/**
 * Serves the built React app. Unknown non-API paths get index.html so the browser router can
 * show them (deep links, reloads); unknown /api paths stay JSON 404s.
 */
export async function registerStaticWeb(app: FastifyInstance): Promise<boolean> {
  const root = webBuildDir();
  if (!existsSync(path.join(root, "index.html"))) return false;
  await app.register(fastifyStatic, { root, wildcard: false, index: false, maxAge: "1h", immutable: false });
  app.get("/*", { schema: { hide: true } }, async (request, reply) => {
    const url = request.url.split("?")[0] ?? "/";
    if (url.startsWith("/api/") || url.startsWith("/policy/") || url.startsWith("/events/")) {
      return reply
        .status(404)
        .send({ error: { code: "NOT_FOUND", message: `No route for ${request.method} ${url}.` } });
    }
    const file = url.slice(1);
    if (file && !file.includes("..") && existsSync(path.join(root, file)) && !file.endsWith("/")) {
      const cacheForever = file.startsWith("assets/");
      return reply.sendFile(file, { maxAge: cacheForever ? "365d" : 0, immutable: cacheForever });
    }
    return reply.header("cache-control", "no-cache").sendFile("index.html", { maxAge: 0 });
  });
  return true;
}
