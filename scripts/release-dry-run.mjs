// Runs the release workflow's steps on this machine, as far as they can run outside GitHub
// Actions (scripts/release-steps.mjs says which and why not), and leaves the release's files in
// release/<tag>/: main.js, manifest.json, styles.css, SHA256SUMS, and with --native-pack this
// platform's native pack as a zip. GitHub's own parts (attestation, creating the release) are
// not run: the summary at the end lists every step as run, skipped, or failed.
//   npm run release:dry -- [--tag 0.1.0] [--skip-tests] [--rebuild-wasm] [--native-pack]
import { spawnSync } from "node:child_process";
import { copyFileSync, mkdirSync, readdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { CHECKSUM_FILE, NATIVE_PACK_JOB, PLUGIN_JOB, TAG } from "./release-steps.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const args = process.argv.slice(2);
const flag = (name) => args.includes(name);
const tagAt = args.indexOf("--tag");
const tag = tagAt >= 0 ? args[tagAt + 1] : JSON.parse(readFileSync(path.join(root, "manifest.json"), "utf8")).version;
const outDir = path.join(root, "release", tag);
const summary = [];

function run(command) {
  const [program, ...rest] = command.map((part) => (part === TAG ? tag : part));
  console.log(`\n$ ${[program, ...rest].join(" ")}`);
  // Under `npm run`, npm's own script runs with this Node (npm.cmd on Windows cannot be spawned
  // without a shell); an argument array always, never a shell string.
  const npmCli = process.env.npm_execpath;
  const [file, fileArgs] = program === "npm" && npmCli ? [process.execPath, [npmCli, ...rest]] : [program, rest];
  const result = spawnSync(file, fileArgs, { cwd: root, stdio: "inherit" });
  return result.status === 0;
}

function runJob(title, steps) {
  console.log(`\n== ${title}`);
  for (const step of steps) {
    let outcome;
    if (step.onlyWith && !flag(step.onlyWith)) outcome = `skipped: ${step.why}; pass ${step.onlyWith}`;
    else if (step.unlessWith && flag(step.unlessWith)) outcome = `skipped: ${step.unlessWith}`;
    else if (step.commands) outcome = step.commands.every(run) ? "ran" : "FAILED";
    else if (step.collect) outcome = collect(step.collect, step.skip);
    else if (step.zip) outcome = zipNativePack();
    else outcome = `skipped: ${step.skip}`;
    summary.push(`${title}: ${step.step} — ${outcome}`);
    if (outcome === "FAILED") finish(1);
  }
}

function collect(files, note) {
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  for (const file of files) copyFileSync(path.join(root, file), path.join(outDir, file));
  return `${note}: ${files.join(", ")}`;
}

function zipNativePack() {
  const packs = readdirSync(path.join(root, "release")).filter((name) => name.startsWith("native-pack-"));
  if (packs.length === 0) return "FAILED";
  const zip = path.join(outDir, `${packs[0]}.zip`);
  const made = spawnSync("zip", ["-qr", zip, "native"], { cwd: path.join(root, "release", packs[0]), stdio: "inherit" });
  return made.status === 0 ? `ran: ${path.relative(root, zip)}` : "FAILED";
}

function finish(code) {
  console.log(`\n== Release dry run of ${tag}: ${code === 0 ? "done" : "stopped"}`);
  for (const line of summary) console.log(`- ${line}`);
  if (code === 0) console.log(`\nFiles in ${path.relative(root, outDir)}: ${readdirSync(outDir).join(", ")} (checksums in ${CHECKSUM_FILE})`);
  console.log("GitHub Actions itself did not run: the attestation and the GitHub release are made only there.");
  process.exit(code);
}

const changes = spawnSync("git", ["status", "--short"], { cwd: root, encoding: "utf8" }).stdout.trim();
console.log(`Node ${process.version}; ${changes ? `uncommitted changes (a tag would not have them):\n${changes}` : "working tree clean"}`);
runJob("plugin", PLUGIN_JOB);
if (flag("--native-pack")) runJob("native-pack", NATIVE_PACK_JOB);
else summary.push("native-pack: not run (pass --native-pack; needs cmake and a compiler for the addon)");
finish(0);
