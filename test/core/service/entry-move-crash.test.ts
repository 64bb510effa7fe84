/**
 * Moving an entry to another day's note is crash-safe: it is inserted into the new note before it
 * leaves the old one. A crash between the two writes (here: the second write fails, as a kill
 * would stop it) leaves it in both; the job's next write keeps one copy and every user line once.
 */
import { appendFileSync } from "node:fs";
import type { LogEntry } from "../../../src/core/log/entry";
import { parseLogNote } from "../../../src/core/log/parse-log-note";
import type { VaultPort } from "../../../src/core/ports";
import type { JobRecord } from "../../../src/core/queue/job";
import { EntryWriter, folderLocator } from "../../../src/core/service/entry-writer";
import { DEFAULT_SETTINGS } from "../../../src/core/settings/settings";
import { readNote, tempVault } from "../../support/service-harness";

const settings = () => ({ ...DEFAULT_SETTINGS, entryStyle: "list" as const });
const entryAt = (date: string): LogEntry => ({
  attachment: "Attachments/foto.jpg",
  kind: "image",
  date,
  title: "Foto",
  status: "Processed",
  area: "Technical",
  fields: {},
  topics: [],
});
const count = (text: string, line: string) => text.split("\n").filter((l) => l === line).length;
const entriesFor = (text: string) => parseLogNote(text).entries.filter((e) => e.attachments.includes("Attachments/foto.jpg")).length;

test("a crash between inserting into the new note and removing from the old keeps one entry and every user line", async () => {
  const vault = tempVault();
  const writer = new EntryWriter(vault, folderLocator(settings), settings);
  const job: JobRecord = { id: "j", path: "Attachments/foto.jpg", kind: "image", state: "running", attempts: 1, enqueuedAt: 0, entryDate: "2025-07-29T10:00" };
  await writer.write(job, entryAt("2025-07-29T10:00"));
  expect(job.notePath).toBe("Logs/2025-07-29.md");
  appendFileSync(vault.absolutePath("Logs/2025-07-29.md"), "\nmi nota 1\nmi nota 2\n");

  // The photo's own capture time says the 30th: the entry moves. The process dies before the removal.
  const dyingVault: VaultPort = Object.create(vault) as VaultPort;
  dyingVault.processText = (path, edit, initial) =>
    path === "Logs/2025-07-29.md" ? Promise.reject(new Error("killed")) : vault.processText(path, edit, initial);
  await expect(new EntryWriter(dyingVault, folderLocator(settings), settings).write({ ...job }, entryAt("2025-07-30T08:45"))).rejects.toThrow("killed");
  expect(entriesFor(readNote(vault, "Logs/2025-07-29.md"))).toBe(1);
  expect(entriesFor(readNote(vault, "Logs/2025-07-30.md"))).toBe(1);
  expect(count(readNote(vault, "Logs/2025-07-30.md"), "mi nota 1")).toBe(1);

  // At restart the job (still pointing at the old note) is written again.
  await new EntryWriter(vault, folderLocator(settings), settings).write(job, entryAt("2025-07-30T08:45"));
  const moved = readNote(vault, "Logs/2025-07-30.md");
  expect(entriesFor(moved)).toBe(1);
  expect([count(moved, "mi nota 1"), count(moved, "mi nota 2")]).toEqual([1, 1]);
  expect(entriesFor(readNote(vault, "Logs/2025-07-29.md"))).toBe(0);
  expect(readNote(vault, "Logs/2025-07-29.md")).not.toContain("mi nota");
  expect(job.notePath).toBe("Logs/2025-07-30.md");
});
