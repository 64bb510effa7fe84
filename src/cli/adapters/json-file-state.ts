import { mkdir, readFile, rename, writeFile } from "node:fs/promises";
import path from "node:path";
import type { StatePort } from "../../core/ports";

/** Queue and ledger in a JSON file (the CLI keeps it in <vault>/.bitacora/state.json). Atomic writes. */
export class JsonFileState implements StatePort {
  constructor(private readonly file: string) {}

  async load(): Promise<unknown> {
    try {
      return JSON.parse(await readFile(this.file, "utf8"));
    } catch {
      return undefined;
    }
  }

  async save(state: unknown): Promise<void> {
    await mkdir(path.dirname(this.file), { recursive: true });
    const temp = `${this.file}.${process.pid}.tmp`;
    await writeFile(temp, JSON.stringify(state, null, 1), "utf8");
    await rename(temp, this.file);
  }
}
