import { randomBytes, randomUUID } from "node:crypto";
import { videoAddresses, videoSystems } from "../../src/server/db/schema.js";
import type { TestApp } from "./test-app.js";

export interface TestVideoSystem {
  id: string;
  companyId: string;
  name: string;
  address: string;
  connectToken: string;
}

/**
 * A video system written straight to the database (with its address claimed in the registry),
 * for tests of what builds on video systems without going through their create API.
 */
export async function insertVideoSystem(
  t: TestApp,
  companyId: string,
  fields: { name: string; address: string; serialNumber?: string | null },
): Promise<TestVideoSystem> {
  const id = randomUUID();
  const connectToken = randomBytes(32).toString("base64url");
  await t.db.transaction(async (tx) => {
    await tx
      .insert(videoAddresses)
      .values({ address: fields.address, companyId, ownerType: "video_system", ownerId: id });
    await tx.insert(videoSystems).values({
      id,
      companyId,
      name: fields.name,
      address: fields.address,
      serialNumber: fields.serialNumber ?? null,
      connectToken,
    });
  });
  return { id, companyId, name: fields.name, address: fields.address, connectToken };
}
