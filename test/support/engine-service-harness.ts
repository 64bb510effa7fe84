/**
 * The service over a real vault folder with the real engine host child process
 * (dist/engine-host.js, built by `npm test`) unless the test gives another engine.
 */
import path from "node:path";
import type { EnginePort } from "../../src/core/ports";
import { EngineClient } from "../../src/engines/host/engine-client";
import { addFile, makeService as makeGatedService, SHARED } from "./service-harness";

export const HOST_SCRIPT = path.resolve(__dirname, "../../dist/engine-host.js");

export function makeService(vault: Parameters<typeof makeGatedService>[0], options: Omit<Parameters<typeof makeGatedService>[1], "engine"> & { engine?: EnginePort } = {}) {
  const engine = options.engine ?? new EngineClient({ hostScript: HOST_SCRIPT });
  return makeGatedService(vault, { ...options, engine, dispose: () => engine instanceof EngineClient && engine.dispose() });
}

/** A photo's vault path and its bytes in the shared test data: the one most service tests start from. */
export const PHOTO_A = { path: "A/2025-07-30 08.00.00 a.jpg", source: path.join(SHARED, "photos_coco/000000000802.jpg") };

/** A service on `vault` with the real engine host processes PHOTO_A to the end and is disposed again. */
export async function processPhotoA(vault: Parameters<typeof makeGatedService>[0]): Promise<void> {
  const { service, dispose } = makeService(vault);
  await service.start();
  addFile(vault, PHOTO_A.path, PHOTO_A.source);
  await service.enqueue(PHOTO_A.path);
  await service.idle();
  dispose();
}
