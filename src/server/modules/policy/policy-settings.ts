/** Checks a username and password in constant time. */
export type CredentialCheck = (username: string, password: string) => boolean;

/**
 * What the policy server needs of the operator's Pexip Infinity settings (infinity-settings
 * module: stored settings, overridden by environment variables).
 */
export interface PolicySettings {
  /** null: the policy API is open (no credentials configured). */
  policyAuth: CredentialCheck | null;
  rejectUnknownInOurDomains: boolean;
  /** The domain bare local parts (`meet.bob`) are looked up in; null: they match nothing. */
  defaultDomain: string | null;
}

export interface PolicySettingsSource {
  current(): Promise<PolicySettings>;
}
