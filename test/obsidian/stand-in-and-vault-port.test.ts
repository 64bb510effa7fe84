/** The stand-in keeps the Obsidian semantics the plugin relies on; the vault port and topic notes work over it. */
import { cpSync } from "node:fs";
import path from "node:path";
import type { App as ObsidianApp } from "obsidian";
import { App, TFile } from "../obsidian-stand-in/obsidian";
import { ObsidianVaultPort } from "../../src/obsidian/vault-port";
import { topicNotesIn } from "../../src/obsidian/topic-notes";
import { DEFAULT_SETTINGS } from "../../src/core/settings/settings";
import { makeVault, REPO, waitFor, type TestVault } from "./harness";

let vault: TestVault;
beforeEach(() => (vault = makeVault()));
afterEach(() => vault.remove());

test("vault events: create, modify, rename with the old path, delete; create needs its folder", async () => {
  const app = await App.create__(vault.dir);
  const events: string[] = [];
  for (const name of ["create", "modify", "delete"]) app.vault.on(name, (file: TFile) => events.push(`${name} ${file.path}`));
  app.vault.on("rename", (file: TFile, oldPath: string) => events.push(`rename ${oldPath} → ${file.path}`));
  await expect(app.vault.create("Missing/note.md", "x")).rejects.toThrow();
  await app.vault.createFolder("A");
  const note = await app.vault.create("A/note.md", "one");
  await app.vault.process(note, (text) => `${text} two`);
  await app.vault.rename(note, "B/renamed.md");
  await app.vault.delete(note);
  expect(events).toEqual(["create A", "create A/note.md", "modify A/note.md", "rename A/note.md → B/renamed.md", "delete B/renamed.md"]);
  expect(app.vault.getAbstractFileByPath("B")).not.toBeNull();
});

test("the vault port creates folders and the note once, then edits it atomically; absolute paths are on disk", async () => {
  const app = await App.create__(vault.dir);
  const port = new ObsidianVaultPort(app as unknown as ObsidianApp);
  // Three writers race to a note that does not exist yet: one creation, three edits, nothing lost.
  await Promise.all([
    port.processText("Logs/2025/07/2025-07-30.md", (text) => `${text}- first\n`, "# Log\n"),
    port.processText("Logs/2025/07/2025-07-30.md", (text) => `${text}- second\n`, "# Log\n"),
    port.processText("Logs/2025/07/2025-07-30.md", (text) => `${text}- third\n`, "# Log\n"),
  ]);
  const text = (await port.readText("Logs/2025/07/2025-07-30.md")) ?? "";
  expect(text.match(/# Log/g)).toHaveLength(1);
  expect(text).toContain("- first\n");
  expect(text).toContain("- second\n");
  expect(text).toContain("- third\n");
  expect(port.absolutePath("Logs//2025/07/2025-07-30.md")).toBe(path.join(vault.dir, "Logs/2025/07/2025-07-30.md"));
  expect((await port.stat("Logs/2025/07/2025-07-30.md"))?.size).toBe(Buffer.byteLength(text));
  expect(await port.stat("nope.md")).toBeNull();
  expect(await port.listFiles()).toEqual(["Logs/2025/07/2025-07-30.md"]);
});

test("topic notes come from the metadata cache with their frontmatter aliases", async () => {
  cpSync(path.join(REPO, "sample-vault"), vault.dir, { recursive: true });
  const app = await App.create__(vault.dir);
  const topics = topicNotesIn(app as unknown as ObsidianApp, DEFAULT_SETTINGS);
  expect(topics).toContainEqual(expect.objectContaining({ name: "whisper_ai", aliases: ["whisper", "Whisper AI"] }));
  expect(topics.map((t) => t.name)).toEqual(expect.arrayContaining(["deployment_automation", "emotion_detection", "sistema_qa_testing"]));
});

test("processFrontMatter edits YAML in place and the metadata cache and link resolution follow", async () => {
  vault.writeText("Topics/whisper_ai.md", "---\naliases: [whisper]\n---\n# Whisper\nbody\n");
  const app = await App.create__(vault.dir);
  const file = app.metadataCache.getFirstLinkpathDest("whisper_ai", "Logs/2025-07-30.md") as TFile;
  expect(file.path).toBe("Topics/whisper_ai.md");
  await app.fileManager.processFrontMatter(file, (frontmatter) => {
    (frontmatter.aliases as string[]).push("Whisper AI");
  });
  expect(await app.vault.read(file)).toBe("---\naliases:\n  - whisper\n  - Whisper AI\n---\n# Whisper\nbody\n");
  // Obsidian re-indexes asynchronously after the write.
  await waitFor(() => (app.metadataCache.getFileCache(file)?.frontmatter?.aliases as string[] | undefined)?.length === 2);
  expect(app.metadataCache.getFileCache(file)?.frontmatter?.aliases).toEqual(["whisper", "Whisper AI"]);
});
