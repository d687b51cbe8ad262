import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

/**
 * The repository/package root, found by walking up from this file. Works both from the
 * TypeScript sources (tests) and from the compiled `dist/` tree (npm start).
 */
export function packageRoot(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  while (!existsSync(path.join(dir, "package.json"))) {
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error("package.json not found above the Confero sources");
    dir = parent;
  }
  return dir;
}
