import type { TestApp } from "./test-app.js";
import type { TestClient } from "./test-client.js";

export const OPERATOR = {
  fullName: "Olga Operator",
  email: "olga@operator.test",
  password: "correct horse battery",
};

export function setupBody(token: string, overrides: Record<string, unknown> = {}) {
  return {
    token,
    serviceName: "Example Video",
    serviceDomain: "video.example.com",
    vmrSuffix: ".vmr",
    operator: { ...OPERATOR },
    ...overrides,
  };
}

export function tokenFromLink(link: string | null): string {
  const token = link ? new URL(link).searchParams.get("token") : null;
  if (!token) throw new Error(`no token in ${link}`);
  return token;
}

/** Completes first-run setup through the API; returns the operator's signed-in client. */
export async function completeSetup(t: TestApp): Promise<TestClient> {
  const client = t.client();
  const token = tokenFromLink(await t.services.setup.issueSetupLink());
  const response = await client.post("/api/v1/setup", setupBody(token));
  if (response.statusCode !== 201) throw new Error(`setup failed: ${response.statusCode} ${response.body}`);
  return client;
}

export async function signIn(t: TestApp, login: string, password: string): Promise<TestClient> {
  const client = t.client();
  const response = await client.post("/api/v1/auth/login", { login, password });
  if (response.statusCode !== 200) throw new Error(`sign-in failed: ${response.statusCode} ${response.body}`);
  return client;
}
