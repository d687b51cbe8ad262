import path from "node:path";

/** Where the browser tests' Confero listens and where global setup leaves what specs need. */
export const E2E_PORT = Number(process.env.E2E_PORT ?? 3199);
export const E2E_BASE_URL = `http://127.0.0.1:${E2E_PORT}`;
// Both can be moved (E2E_PORT, E2E_STATE_DIR) so two runs on one machine keep out of each other's way.
export const E2E_STATE_DIR = path.resolve(process.env.E2E_STATE_DIR ?? "e2e/.state");
export const E2E_STATE_FILE = path.join(E2E_STATE_DIR, "state.json");
export const E2E_MAILBOX_FILE = path.join(E2E_STATE_DIR, "mailbox.jsonl");

export interface E2eState {
  setupLink: string;
}
