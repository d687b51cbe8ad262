import { existsSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { lockDataDir } from "./data-dir-lock.js";

describe("lockDataDir", () => {
  it("creates a DATA_DIR that does not exist yet, locks it, and unlocks it", () => {
    const dataDir = path.join(mkdtempSync(path.join(tmpdir(), "confero-lock-")), "new", "data");
    const unlock = lockDataDir(dataDir);
    expect(existsSync(path.join(dataDir, "confero.lock"))).toBe(true);
    unlock();
    expect(existsSync(path.join(dataDir, "confero.lock"))).toBe(false);
  });
});
