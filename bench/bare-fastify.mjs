// The baselines: a bare Fastify hello-world route (policy throughput), and a POST that answers
// the event sink's fixed "ok" without reading anything (the ingest bench's sender floor).
import Fastify from "fastify";

const app = Fastify({ logger: false });
app.get("/", async () => ({ hello: "world" }));
app.post("/events/v1/pexip", async () => ({
  status: "ok",
  received: 1,
  accepted: 1,
  duplicates: 0,
  rejected: 0,
}));
await app.listen({ port: Number(process.env.PORT ?? 0), host: "127.0.0.1" });
process.stdout.write(`${JSON.stringify({ msg: "listening", port: app.server.address().port })}\n`);
