import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { packageRoot } from "../lib/package-root.js";

/**
 * PGlite's initdb runs inside WebAssembly: ≈3.5 s on the reference machine, and it leaves the
 * process with ≈800 MB of WebAssembly heap that is never given back. The build (npm start's
 * build step) therefore runs initdb once and keeps the empty cluster as a tarball; a new data
 * directory is then created from it in ≈1 s at ≈40% of the memory. Without the tarball
 * (e.g. only `tsc` was run) PGlite simply runs initdb itself.
 */
export function pgliteTemplatePath(): string {
  const pgliteVersion = JSON.parse(
    readFileSync(path.join(packageRoot(), "node_modules", "@electric-sql", "pglite", "package.json"), "utf8"),
  ).version as string;
  return path.join(packageRoot(), "dist", `pglite-template-${pgliteVersion}.tar.gz`);
}

/** The template for a data directory that has no cluster yet, if the build made one. */
export function templateForNewDataDir(dataPath: string): Blob | undefined {
  if (existsSync(path.join(dataPath, "PG_VERSION"))) return undefined;
  const template = pgliteTemplatePath();
  return existsSync(template) ? new Blob([readFileSync(template)]) : undefined;
}
