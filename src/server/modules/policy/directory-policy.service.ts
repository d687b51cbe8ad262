import { resolveInfinityAlias } from "../../../domain/infinity-alias.js";
import type { Db } from "../../db/client.js";
import { clip } from "./policy-answers.js";
import type { PolicyCache } from "./policy-cache.js";
import type { PolicySettingsSource } from "./policy-settings.js";
import { searchCompanyDirectory } from "./policy-targets.repository.js";

export interface DirectoryQuery {
  q?: string | undefined;
  registration_alias?: string | undefined;
  limit?: string | undefined;
}

export interface DirectoryAnswer {
  status: "success";
  result: Array<{ username: string; alias: string; description: string }>;
}

const DEFAULT_LIMIT = 10;
const MAX_LIMIT = 100;
/** Typed text longer than this is no search anyone types into a video system's keypad. */
const MAX_SEARCH_LENGTH = 100;

/**
 * Infinity's directory request: what a registered device sees when its user types a name. Only
 * the searcher's own company (found from `registration_alias`) is searched; a searcher Confero
 * does not know, or of a suspended company, gets an empty list.
 */
export class DirectoryPolicy {
  constructor(private readonly deps: { db: Db; cache: PolicyCache; settings: PolicySettingsSource }) {}

  async answer(query: DirectoryQuery): Promise<DirectoryAnswer> {
    const settings = await this.deps.settings.current();
    const searcherAddress = resolveInfinityAlias(query.registration_alias ?? "", settings.defaultDomain);
    const searcher = searcherAddress ? await this.deps.cache.target(searcherAddress) : null;
    if (!searcher || searcher.companyStatus === "suspended") return { status: "success", result: [] };
    const text = (query.q ?? "").trim().slice(0, MAX_SEARCH_LENGTH);
    const entries = await searchCompanyDirectory(
      this.deps.db,
      searcher.companyId,
      text,
      parseLimit(query.limit),
    );
    return {
      status: "success",
      result: entries.map((entry) => ({
        username: "",
        alias: entry.alias,
        description: clip(entry.description),
      })),
    };
  }
}

function parseLimit(raw: string | undefined): number {
  const value = Number.parseInt(raw ?? "", 10);
  if (!Number.isFinite(value) || value < 1) return DEFAULT_LIMIT;
  return Math.min(value, MAX_LIMIT);
}
