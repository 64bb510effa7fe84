import { mkdir, open, readFile, rename } from "node:fs/promises";
import path from "node:path";
import type { StatePort } from "../../core/ports";
import { tempPathFor } from "./side-files";

/** Queue and ledger in a JSON file (the CLI keeps it in <vault>/.bitacora/state.json). Atomic, durable writes. */
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
    const temp = tempPathFor(this.file);
    const handle = await open(temp, "w");
    try {
      await handle.writeFile(JSON.stringify(state, null, 1), "utf8");
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, this.file);
  }
}
