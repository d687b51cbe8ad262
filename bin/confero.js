#!/usr/bin/env node
// The `confero` command. The CLI is compiled TypeScript; `npm start` and `npm run confero`
// build it first when the sources are newer than the build.
import { existsSync } from "node:fs";

const entry = new URL("../dist/cli/main.js", import.meta.url);
if (!existsSync(entry)) {
  console.error("Confero is not built yet: run `npm run build` (or `npm start`, which builds when needed).");
  process.exit(1);
}
await import(entry.href);
