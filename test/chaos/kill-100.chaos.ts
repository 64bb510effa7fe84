/**
 * Chaos: the real CLI (and its engine host) is killed with SIGKILL at seeded random moments, 100
 * times, over a vault with the user's own text; between kills the user keeps writing in the log
 * note. A last run finishes. Then: no user line lost or reordered, one entry per attachment,
 * each Processed or Error with a reason, state.json valid, no temp or lock file left.
 * Run with `npm run test:chaos` (CHAOS_SEED and CHAOS_KILLS override the defaults).
 */
import { spawn, spawnSync } from "node:child_process";
import { appendFileSync, copyFileSync, cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseLogNote } from "../../src/core/log/parse-log-note";
import { restoreState } from "../../src/core/queue/ledger";
import { keepsInOrder } from "../support/keeps-in-order";

const ROOT = path.resolve(__dirname, "../..");
const BIN = path.join(ROOT, "bin/bitacora.js");
const SHARED = path.resolve(ROOT, "../shared/testdata");
// whisper.cpp's weightless test model: real engine, meaningless words (no real weights here).
const TEST_MODEL = path.join(SHARED, "whisper_models/for-tests-ggml-tiny.bin");
const KILLS = Number(process.env.CHAOS_KILLS ?? 100);
const SEED = Number(process.env.CHAOS_SEED ?? 15);

function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** PIDs of a process's descendants (the engine host and its helpers), from /proc. */
function descendants(pid: number): number[] {
  let children: number[] = [];
  try {
    for (const task of readdirSync(`/proc/${pid}/task`)) {
      children.push(...readFileSync(`/proc/${pid}/task/${task}/children`, "utf8").trim().split(/\s+/).filter(Boolean).map(Number));
    }
  } catch {
    return [];
  }
  children = [...new Set(children)];
  return children.flatMap((child) => [child, ...descendants(child)]);
}

function cliEnv(home: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, HOME: home };
  delete env.XDG_DATA_HOME;
  return env;
}

/** Runs the CLI and kills it and everything it started after `afterMs`. */
async function runAndKill(vault: string, home: string, afterMs: number): Promise<void> {
  const child = spawn(process.execPath, [BIN, "process", vault, "--model", TEST_MODEL, "--json"], { stdio: "ignore", env: cliEnv(home) });
  const exited = new Promise<void>((resolve) => child.on("exit", () => resolve()));
  const timer = setTimeout(() => {
    const family = [child.pid!, ...descendants(child.pid!)];
    for (const pid of family) {
      try {
        process.kill(pid, "SIGKILL");
      } catch {
        // Already gone.
      }
    }
  }, afterMs);
  await exited;
  clearTimeout(timer);
}

test(`${KILLS} SIGKILLs at random moments lose no user line and leave a clean vault`, async () => {
  const vault = mkdtempSync(path.join(tmpdir(), "bitacora-chaos-"));
  const home = mkdtempSync(path.join(tmpdir(), "bitacora-chaos-home-"));
  cpSync(path.join(ROOT, "sample-vault"), vault, { recursive: true });
  copyFileSync(path.join(SHARED, "ocr/synthetic_es.png"), path.join(vault, "Attachments/Screenshot 2025-07-30 at 09.10.00.png"));
  writeFileSync(path.join(vault, "Attachments/Screenshot 2025-07-30 at 10.10.10.png"), "not an image at all");
  writeFileSync(path.join(vault, "Attachments/Recording 20250730121212.wav"), "RIFF broken");
  mkdirSync(path.join(vault, "Logs"), { recursive: true });
  const note = path.join(vault, "Logs/2025-07-30.md");
  const userLines = ["Notas del día escritas a mano.", "- [ ] revisar el despliegue", "12:30 esto no es una entrada", "---"];
  writeFileSync(note, `# Registro - 2025-07-30\n\n${userLines.join("\n")}\n`);
  const attachments = readdirSync(path.join(vault, "Attachments")).map((name) => `Attachments/${name}`);

  const random = seededRandom(SEED);
  for (let kill = 0; kill < KILLS; kill++) {
    await runAndKill(vault, home, 100 + Math.floor(random() * 2900));
    // The user writes at the end of the note between runs (as they would in Obsidian).
    if (kill % 10 === 0) {
      const line = `nota del usuario ${kill}`;
      appendFileSync(note, `\n${line}\n`);
      userLines.push(line);
    }
  }
  const final = spawnSync(process.execPath, [BIN, "process", vault, "--model", TEST_MODEL, "--json"], { encoding: "utf8", env: cliEnv(home), timeout: 600000 });
  expect(final.stderr).toBe("");

  const text = readFileSync(note, "utf8");
  expect(keepsInOrder(userLines.join("\n"), text)).toBe(true);
  const warnings: string[] = [];
  const entries = readdirSync(path.join(vault, "Logs"))
    .filter((name) => name.endsWith(".md"))
    .flatMap((name) => parseLogNote(readFileSync(path.join(vault, "Logs", name), "utf8")).entries);
  const state = restoreState(JSON.parse(readFileSync(path.join(vault, ".bitacora/state.json"), "utf8")), (message) => warnings.push(message));
  for (const attachment of attachments) {
    const own = entries.filter((entry) => entry.attachments.includes(attachment));
    const blocks = own.flatMap((entry) => entry.blocks.filter((block) => block.attachment === attachment));
    expect({ attachment, entries: own.length, blocks: blocks.length }).toEqual({ attachment, entries: 1, blocks: 1 });
    // Placeholders ("Not Processed", "In Progress") would mean a job never finished.
    expect({ attachment, status: blocks[0].status }).toEqual({ attachment, status: expect.not.stringMatching(/Not Processed|In Progress/) });
    const job = state.jobs.filter((j) => j.path === attachment).at(-1);
    expect({ attachment, state: job?.state }).toEqual({ attachment, state: expect.stringMatching(/^(done|failed)$/) });
    if (job?.state === "failed") expect(job.error).toBeTruthy();
  }
  expect(warnings).toEqual([]);
  const leftovers = readdirSync(vault, { recursive: true }).map(String).filter((name) => /\.bitacora-\d+\.tmp$|\.bitacora\.lock$|state\.json\.\d+\.tmp$/.test(name));
  expect(leftovers).toEqual([]);
}, 3600000);
