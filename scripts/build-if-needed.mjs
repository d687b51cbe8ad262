#!/usr/bin/env node
// Builds the server (tsc → dist/) and the web app (vite → dist/web) when their sources are
// newer than the last build, so `npm start` is fast after the first time and never stale.
// Usage: node scripts/build-if-needed.mjs [--server-only]
import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const serverOnly = process.argv.includes("--server-only");

function newestMtime(entries) {
  let newest = 0;
  const visit = (p) => {
    if (!existsSync(p)) return;
    const stat = statSync(p);
    if (stat.isDirectory()) {
      for (const name of readdirSync(p)) if (name !== "node_modules") visit(path.join(p, name));
    } else if (!/\.test\.tsx?$/.test(p)) {
      newest = Math.max(newest, stat.mtimeMs);
    }
  };
  for (const entry of entries) visit(path.join(root, entry));
  return newest;
}

function builtAt(file) {
  const p = path.join(root, file);
  return existsSync(p) ? statSync(p).mtimeMs : 0;
}

function run(label, args) {
  process.stderr.write(`${label}…\n`);
  execFileSync(process.execPath, args, { cwd: root, stdio: ["ignore", "inherit", "inherit"] });
}

const shared = ["src/domain", "package-lock.json"];
const serverSources = newestMtime([
  ...shared,
  "src/server",
  "src/cli",
  "tsconfig.json",
  "tsconfig.server.json",
]);
if (builtAt("dist/cli/main.js") < serverSources) {
  run("Building the server", [
    path.join(root, "node_modules/typescript/bin/tsc"),
    "-p",
    "tsconfig.server.json",
  ]);
}

// An empty PGlite cluster, so a new embedded database starts from it instead of running
// initdb (see src/server/db/pglite-template.ts).
const { pgliteTemplatePath } = await import(path.join(root, "dist/server/db/pglite-template.js"));
const template = pgliteTemplatePath();
if (!existsSync(template)) {
  process.stderr.write("Preparing the embedded database template…\n");
  const { PGlite } = await import("@electric-sql/pglite");
  const db = await PGlite.create();
  const dump = await db.dumpDataDir("gzip");
  writeFileSync(template, Buffer.from(await dump.arrayBuffer()));
  await db.close();
}

if (!serverOnly) {
  const webSources = newestMtime([
    ...shared,
    "src/web",
    "index.html",
    "vite.config.ts",
    "postcss.config.cjs",
    "public",
  ]);
  if (builtAt("dist/web/index.html") < webSources) {
    run("Building the web app", [
      path.join(root, "node_modules/vite/bin/vite.js"),
      "build",
      "--logLevel",
      "warn",
    ]);
  }
}
