/** The policy request types Confero answers: the Infinity administrator enables these. */
export const POLICY_REQUEST_TYPES = [
  "service configuration",
  "participant properties",
  "registration alias",
  "directory information",
] as const;

/** Request types Confero leaves to Infinity: it answers 404, on which Infinity uses its own behaviour. */
export const INFINITY_OWN_REQUEST_TYPES = ["media location", "participant avatar"] as const;

export const POLICY_PATH = "/policy/v1";
export const EVENT_SINK_PATH = "/events/v1/pexip";

export interface InfinitySummaryInput {
  serviceName: string;
  publicUrl: string;
  policyUsername: string | null;
  eventSinkUsername: string | null;
}

/** What the Infinity administrator configures, as data and as text to paste into a ticket or email. */
export function infinitySummary(input: InfinitySummaryInput) {
  const policyProfileUrl = `${input.publicUrl}${POLICY_PATH}`;
  const eventSinkUrl = `${input.publicUrl}${EVENT_SINK_PATH}`;
  const credentialLines = (username: string | null, what: string) =>
    username
      ? [`  Username: ${username}`, `  Password: the ${what} password saved in Confero`]
      : ["  Username and password: none (Confero accepts requests without them; fence it off by network)"];
  const text = [
    `Pexip Infinity settings for ${input.serviceName} (Confero)`,
    "",
    "Policy profile (external policy server):",
    `  External policy server URI: ${policyProfileUrl}`,
    ...credentialLines(input.policyUsername, "policy"),
    "  Enable external policy for these request types:",
    ...POLICY_REQUEST_TYPES.map((type) => `    - ${type}`),
    "  Leave these to Infinity (Confero answers 404, so Infinity falls back to its own):",
    ...INFINITY_OWN_REQUEST_TYPES.map((type) => `    - ${type}`),
    "  Assign the policy profile to every system location.",
    "",
    "Event sink:",
    `  URL: ${eventSinkUrl}`,
    ...credentialLines(input.eventSinkUsername, "event sink"),
    "",
  ].join("\n");
  return {
    policyProfileUrl,
    policyUsername: input.policyUsername,
    requestTypes: { enable: [...POLICY_REQUEST_TYPES], leaveToInfinity: [...INFINITY_OWN_REQUEST_TYPES] },
    eventSinkUrl,
    eventSinkUsername: input.eventSinkUsername,
    text,
  };
}
