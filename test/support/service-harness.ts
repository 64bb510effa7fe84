/**
 * A real vault folder on disk, the real JSON state file and the engine the test gives: the
 * gated stand-in below (to hold a job "in progress"; core tests use only this one) or, through
 * engine-service-harness.ts, the real engine host child process.
 */
import { once } from "node:events";
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, existsSync, watch } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { BitacoraService, type ServiceDeps } from "../../src/core/service/bitacora-service";
import { DEFAULT_DEVICE_SETTINGS, DEFAULT_SETTINGS, type BitacoraSettings } from "../../src/core/settings/settings";
import type { EnginePort } from "../../src/core/ports";
import type { ProcessorFindings } from "../../src/core/processing/processor-port";
import { FsVault } from "../../src/cli/adapters/fs-vault";
import { JsonFileState } from "../../src/cli/adapters/json-file-state";
import { sha256FileHasher } from "../../src/engines/system/file-hasher";
import { ManualClock } from "./manual-clock";

export const SHARED = path.resolve(__dirname, "../../../shared/testdata");

export function tempVault(): FsVault {
  return new FsVault(mkdtempSync(path.join(tmpdir(), "bitacora-vault-")));
}

export function addFile(vault: FsVault, vaultPath: string, source: string): void {
  const target = vault.absolutePath(vaultPath);
  mkdirSync(path.dirname(target), { recursive: true });
  copyFileSync(source, target);
}

export function readNote(vault: FsVault, vaultPath: string): string {
  const file = vault.absolutePath(vaultPath);
  return existsSync(file) ? readFileSync(file, "utf8") : "";
}

/** Stand-in engine that holds each job until the test releases it (to act while "in progress"). */
export class GatedEngine implements EnginePort {
  calls: string[] = [];
  private gates: { release(findings?: ProcessorFindings): void; fail(error: Error): void; path: string }[] = [];
  private readonly called = new Set<() => void>();

  process(job: { path: string; kind: "audio" | "image" }, _o: unknown, signal: AbortSignal): Promise<ProcessorFindings> {
    this.calls.push(job.path);
    return new Promise((resolve, reject) => {
      signal.addEventListener("abort", () => reject(Object.assign(new Error("Cancelled."), { code: "cancelled" })));
      this.gates.push({ path: job.path, release: (f) => resolve(f ?? { kind: job.kind }), fail: reject });
      for (const wake of [...this.called]) wake();
    });
  }

  /** Resolves once the engine has been asked for `count` jobs in all. */
  async waitForCall(count = 1): Promise<void> {
    while (this.gates.length < count) {
      await new Promise<void>((resolve) => {
        const wake = () => (this.called.delete(wake), resolve());
        this.called.add(wake);
      });
    }
  }

  release(index = 0, findings?: ProcessorFindings): void {
    this.gates[index].release(findings);
  }

  fail(index: number, error: Error): void {
    this.gates[index].fail(error);
  }
}

export function makeService(
  vault: FsVault,
  options: { engine: EnginePort; settings?: Partial<BitacoraSettings>; stateFile?: string; clock?: ManualClock; dispose?: () => void; deps?: Partial<ServiceDeps> },
) {
  // Time flies on its own unless a test takes the clock in hand: stability waits cost no wall time.
  const clock = options.clock ?? new ManualClock({ autoAdvance: true });
  const settings: BitacoraSettings = { ...DEFAULT_SETTINGS, stableForMs: 60, firstRun: "queue-existing", ...options.settings };
  const engine = options.engine;
  const notices: string[] = [];
  const deps: ServiceDeps = {
    vault,
    engine,
    state: new JsonFileState(options.stateFile ?? vault.absolutePath(".bitacora/state.json")),
    clock,
    hasher: sha256FileHasher,
    settings: () => settings,
    device: () => DEFAULT_DEVICE_SETTINGS,
    notify: (message) => notices.push(message),
    ...options.deps,
  };
  const service = new BitacoraService(deps);
  const dispose = () => {
    void service.stop();
    options.dispose?.();
  };
  return { service, settings, notices, dispose, engine, clock };
}

/**
 * Resolves once `condition` holds, checking it again whenever something in `folder` (which must
 * exist) changes: an inotify event through fs.watch, not a poll or a sleep. Writes are
 * temp-file-and-rename, so every write shows up as a change in the file's folder.
 */
export async function untilFolderShows(folder: string, condition: () => boolean): Promise<void> {
  const watcher = watch(folder);
  try {
    while (!condition()) await once(watcher, "change");
  } finally {
    watcher.close();
  }
}
