/**
 * The built CLI over vaults whose own files are hostile or damaged: settings and state that point
 * outside the vault, symlinks out of it, a protected log note. Nothing outside the vault is read
 * or written, and no run ends in a stack trace.
 */
import { execFile, spawnSync } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseLogNote } from "../../src/core/log/parse-log-note";
import { recordedAnswer, startOllamaStandIn } from "../engines/image/ollama-stand-in";

const ROOT = path.resolve(__dirname, "../..");
const BIN = path.join(ROOT, "bin/bitacora.js");
const PHOTOS = path.resolve(ROOT, "../shared/testdata/photos_coco");
const ATTACHMENT = "Screenshot 2025-07-30 at 10.10.10.png";

function bitacora(...args: string[]) {
  const env: NodeJS.ProcessEnv = { ...process.env, HOME: mkdtempSync(path.join(tmpdir(), "bitacora-home-")) };
  delete env.XDG_DATA_HOME;
  return spawnSync(process.execPath, [BIN, ...args], { encoding: "utf8", timeout: 300000, env });
}

/** The CLI without blocking this process, so a loopback server in the test can answer it. */
function bitacoraAsync(...args: string[]): Promise<{ stdout: string; stderr: string }> {
  const env: NodeJS.ProcessEnv = { ...process.env, HOME: mkdtempSync(path.join(tmpdir(), "bitacora-home-")) };
  delete env.XDG_DATA_HOME;
  return new Promise((resolve) => {
    execFile(process.execPath, [BIN, ...args], { encoding: "utf8", timeout: 300000, env }, (_error, stdout, stderr) => resolve({ stdout, stderr }));
  });
}

/** A vault inside a folder of its own, next to a "victim" file the vault must never touch. */
function vaultWithNeighbour() {
  const outside = mkdtempSync(path.join(tmpdir(), "bitacora-outside-"));
  const vault = path.join(outside, "vault");
  mkdirSync(vault);
  writeFileSync(path.join(outside, "victim.md"), "victim text\n");
  // An attachment that fails fast (no engine time) but still writes an entry.
  writeFileSync(path.join(vault, ATTACHMENT), "not an image at all");
  return { outside, vault };
}

const noStackTrace = (stderr: string) => expect(stderr).not.toMatch(/\n\s+at .+\(.+:\d+:\d+\)/);

test("settings paths with `..` or absolute paths are ignored: everything is written inside the vault", () => {
  const { outside, vault } = vaultWithNeighbour();
  mkdirSync(path.join(vault, ".obsidian/plugins/bitacora"), { recursive: true });
  const settings = { logFolder: "../x", sprintDashboardPath: "../../dash.md", deploymentDashboardPath: path.join(outside, "abs.md") };
  writeFileSync(path.join(vault, ".obsidian/plugins/bitacora/data.json"), JSON.stringify({ settings }));
  const result = bitacora("process", vault);
  noStackTrace(result.stderr);
  expect(result.status).toBe(1);
  expect(readdirSync(outside).sort()).toEqual(["vault", "victim.md"]);
  expect(readFileSync(path.join(vault, "Logs/2025-07-30.md"), "utf8")).toContain(ATTACHMENT);
  expect(result.stderr).toMatch(/Ignored log folder "\.\.\/x"/);
});

test("a crafted state.json (note paths outside the vault, a job without entry date) is cleaned, not followed", () => {
  const { outside, vault } = vaultWithNeighbour();
  mkdirSync(path.join(vault, ".bitacora"));
  const state = {
    version: 1,
    jobs: [
      { id: "a", path: ATTACHMENT, kind: "image", state: "queued", attempts: 0, enqueuedAt: 0 },
      { id: "b", path: "../victim.md", kind: "image", state: "queued", attempts: 0, enqueuedAt: 0, entryDate: "2025-07-30T10:10" },
      { id: "c", path: "x.png", kind: "image", state: "done", attempts: 1, enqueuedAt: 0, notePath: "../victim.md", entryDate: "2025-07-30T10:10" },
    ],
    ledger: { abc: { path: ATTACHMENT, notePath: "../victim.md", entryDate: "2025-07-30T10:10", processedAt: 0 } },
    baseline: ["/etc/passwd"],
  };
  writeFileSync(path.join(vault, ".bitacora/state.json"), JSON.stringify(state));
  const result = bitacora("process", vault);
  noStackTrace(result.stderr);
  expect(result.stderr).toMatch(/Dropped saved job/);
  expect(readFileSync(path.join(outside, "victim.md"), "utf8")).toBe("victim text\n");
  const entries = parseLogNote(readFileSync(path.join(vault, "Logs/2025-07-30.md"), "utf8")).entries;
  expect(entries.map((e) => [e.entry.attachment, e.entry.status])).toEqual([[ATTACHMENT, "Error"]]);
  const saved = JSON.parse(readFileSync(path.join(vault, ".bitacora/state.json"), "utf8")) as { jobs: { path: string }[] };
  expect(saved.jobs.map((job) => job.path)).toEqual([ATTACHMENT]);
});

test("symlinks that lead out of the vault are not followed: the outside file's text never reaches the log", () => {
  const { outside, vault } = vaultWithNeighbour();
  mkdirSync(path.join(outside, "elsewhere"));
  writeFileSync(path.join(outside, "elsewhere", "Screenshot 2025-07-30 at 11.11.11.png"), "secret bytes");
  symlinkSync(path.join(outside, "elsewhere"), path.join(vault, "Linked folder"));
  symlinkSync(path.join(outside, "elsewhere", "Screenshot 2025-07-30 at 11.11.11.png"), path.join(vault, "Screenshot 2025-07-30 at 12.12.12.png"));
  symlinkSync(path.join(outside, "victim.md"), path.join(vault, "Victim link.md"));
  const result = bitacora("process", vault);
  noStackTrace(result.stderr);
  const note = readFileSync(path.join(vault, "Logs/2025-07-30.md"), "utf8");
  expect(parseLogNote(note).entries.map((e) => e.entry.attachment)).toEqual([ATTACHMENT]);
  expect(readFileSync(path.join(outside, "victim.md"), "utf8")).toBe("victim text\n");
});

test("a protected (immutable) log note fails that job with a clear message, never a stack trace", () => {
  const { vault } = vaultWithNeighbour();
  // A real image, so the engine succeeds and only the note write can fail.
  copyFileSync(path.resolve(ROOT, "../shared/testdata/ocr/synthetic_es.png"), path.join(vault, ATTACHMENT));
  mkdirSync(path.join(vault, "Logs"));
  const note = path.join(vault, "Logs/2025-07-30.md");
  writeFileSync(note, "# 2025-07-30\n\nmine\n");
  if (spawnSync("chattr", ["+i", note]).status !== 0) {
    console.warn("Skipped: chattr +i is not available here (needs root and an ext4-like file system).");
    return;
  }
  try {
    const result = bitacora("process", vault);
    noStackTrace(result.stderr);
    expect(result.status).toBe(1);
    expect(result.stdout).toMatch(/could not be processed/);
    expect(readFileSync(note, "utf8")).toBe("# 2025-07-30\n\nmine\n");
    const status = JSON.parse(bitacora("status", vault, "--json").stdout) as { failed: { error: string }[] };
    expect(status.failed.map((f) => f.error)).toEqual([expect.stringMatching(/EPERM.*read-only or protected/)]);
  } finally {
    spawnSync("chattr", ["-i", note]);
  }
});

test("an Ollama address from the vault's settings gets no photo until this device allows it", async () => {
  // 0.0.0.0 reaches this machine's loopback server, but is not an address the rules call "this computer".
  const ollama = await startOllamaStandIn(recordedAnswer("generate-es.json"), ["llava"]);
  try {
    const address = ollama.url.replace("127.0.0.1", "0.0.0.0");
    const photoVault = () => {
      const { vault } = vaultWithNeighbour();
      copyFileSync(path.join(PHOTOS, readdirSync(PHOTOS).find((f) => f.endsWith(".jpg"))!), path.join(vault, "IMG_20250730_101010.jpg"));
      mkdirSync(path.join(vault, ".obsidian/plugins/bitacora"), { recursive: true });
      writeFileSync(path.join(vault, ".obsidian/plugins/bitacora/data.json"), JSON.stringify({ settings: { captioner: "ollama", ollamaUrl: address } }));
      return vault;
    };
    const refused = await bitacoraAsync("process", photoVault());
    expect(refused.stderr).toContain(`photos are not sent to ${address}`);
    expect(ollama.requests).toEqual([]);
    const allowed = await bitacoraAsync("process", photoVault(), "--allow-server", address);
    expect(allowed.stderr).toBe("");
    expect(ollama.requests.map((r) => r.path)).toEqual(["/api/generate"]);
  } finally {
    await ollama.close();
  }
}, 120000);
