/**
 * The service over a real vault folder with the real engine host child process
 * (dist/engine-host.js, built by `npm test`) unless the test gives another engine.
 */
import path from "node:path";
import type { EnginePort } from "../../src/core/ports";
import { EngineClient } from "../../src/engines/host/engine-client";
import { makeService as makeGatedService } from "./service-harness";

export const HOST_SCRIPT = path.resolve(__dirname, "../../dist/engine-host.js");

export function makeService(vault: Parameters<typeof makeGatedService>[0], options: Omit<Parameters<typeof makeGatedService>[1], "engine"> & { engine?: EnginePort } = {}) {
  const engine = options.engine ?? new EngineClient({ hostScript: HOST_SCRIPT });
  return makeGatedService(vault, { ...options, engine, dispose: () => engine instanceof EngineClient && engine.dispose() });
}
