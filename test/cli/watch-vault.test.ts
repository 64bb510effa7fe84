/**
 * The CLI's watcher on a real folder with real file-system events: renames reach the queue as
 * renames (paired by the file's identity), a deletion only once the rename window has passed on
 * the injected clock, and a folder named like a recording is no attachment. Every wait is for an
 * event, never for wall time.
 */
import { mkdirSync, mkdtempSync, renameSync, unlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { watchVault, type VaultChanges } from "../../src/cli/watch-vault";
import { ManualClock } from "../support/manual-clock";

const WINDOW_MS = 1000;

/** Records what the watcher reports and lets the test wait for the n-th report. */
class RecordedChanges implements VaultChanges {
  readonly seen: string[] = [];
  private readonly waiters = new Set<() => void>();
  fileCreated = (p: string) => this.add(`created ${p}`);
  fileModified = (p: string) => this.add(`modified ${p}`);
  fileRenamed = (p: string, old: string) => this.add(`renamed ${old} -> ${p}`);
  fileDeleted = (p: string) => this.add(`deleted ${p}`);

  private add(line: string): void {
    this.seen.push(line);
    for (const wake of [...this.waiters]) wake();
  }

  /** Resolves once a report matching `pattern` has arrived. */
  async next(pattern: RegExp): Promise<void> {
    while (!this.seen.some((line) => pattern.test(line))) {
      await new Promise<void>((resolve) => {
        const wake = () => (this.waiters.delete(wake), resolve());
        this.waiters.add(wake);
      });
    }
  }

  /** What arrived, without "modified" reports (the system may add them around a write). */
  get significant(): string[] {
    return this.seen.filter((line) => !line.startsWith("modified"));
  }
}

function watched() {
  const root = mkdtempSync(path.join(tmpdir(), "bitacora-watch-unit-"));
  mkdirSync(path.join(root, "A"));
  writeFileSync(path.join(root, "A/Recording 20250730112005.m4a"), "audio bytes");
  const changes = new RecordedChanges();
  const clock = new ManualClock({ start: new Date("2025-07-30T12:00:00") });
  const stop = watchVault(root, changes, { clock, renameWindowMs: WINDOW_MS });
  return { root, changes, clock, stop, file: (p: string) => path.join(root, p) };
}

test("a rename is reported as a rename, never as a deletion and a new file", async () => {
  const { changes, clock, stop, file } = watched();
  renameSync(file("A/Recording 20250730112005.m4a"), file("A/Reunión con Ana.m4a"));
  await changes.next(/^renamed/);
  clock.advance(WINDOW_MS * 3);
  // A later event, so anything the rename could still cause has arrived before we look.
  writeFileSync(file("A/sentinel.jpg"), "x");
  await changes.next(/created A\/sentinel.jpg/);
  stop();
  expect(changes.significant).toEqual(["renamed A/Recording 20250730112005.m4a -> A/Reunión con Ana.m4a", "created A/sentinel.jpg"]);
});

test("a move into another folder and a renamed folder are renames of the files in them", async () => {
  const { changes, stop, file } = watched();
  mkdirSync(file("B"));
  renameSync(file("A/Recording 20250730112005.m4a"), file("B/Recording 20250730112005.m4a"));
  await changes.next(/^renamed A\//);
  renameSync(file("B"), file("C"));
  await changes.next(/^renamed B\//);
  stop();
  expect(changes.significant).toEqual([
    "renamed A/Recording 20250730112005.m4a -> B/Recording 20250730112005.m4a",
    "renamed B/Recording 20250730112005.m4a -> C/Recording 20250730112005.m4a",
  ]);
});

test("a deleted file is reported once the rename window has passed on the clock, not before", async () => {
  const { changes, clock, stop, file } = watched();
  unlinkSync(file("A/Recording 20250730112005.m4a"));
  // The watcher saw it vanish and waits for a new name on the clock.
  await clock.sleeping(1);
  expect(changes.significant).toEqual([]);
  clock.advance(WINDOW_MS - 1);
  expect(changes.significant).toEqual([]);
  clock.advance(1);
  await changes.next(/^deleted/);
  stop();
  expect(changes.significant).toEqual(["deleted A/Recording 20250730112005.m4a"]);
});

test("a folder named like a recording is not an attachment", async () => {
  const { changes, stop, file } = watched();
  mkdirSync(file("A/Carpeta 20250730100000.m4a"));
  writeFileSync(file("A/sentinel.jpg"), "x");
  await changes.next(/created A\/sentinel.jpg/);
  stop();
  expect(changes.significant).toEqual(["created A/sentinel.jpg"]);
});
