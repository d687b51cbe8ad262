// The baseline for /healthz throughput: a bare Fastify hello-world route, nothing else.
import Fastify from "fastify";

const app = Fastify({ logger: false });
app.get("/", async () => ({ hello: "world" }));
await app.listen({ port: Number(process.env.PORT ?? 0), host: "127.0.0.1" });
process.stdout.write(`${JSON.stringify({ msg: "listening", port: app.server.address().port })}\n`);
