// Runs the CLI on a fresh copy of the bundled sample vault and says where the log is.
// No download, no network: the sample has its own attachments; Whisper runs only if a model
// path is given (BITACORA_WHISPER_MODEL or --model), otherwise recordings say how to get one.
import { cpSync, mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const target = process.argv[2] ? path.resolve(process.argv[2]) : mkdtempSync(path.join(tmpdir(), "bitacora-sample-"));
cpSync(path.join(root, "sample-vault"), target, { recursive: true });
console.log(`Sample vault copied to ${target}`);

const result = spawnSync(process.execPath, [path.join(root, "bin/bitacora.js"), "process", target, ...process.argv.slice(3)], { stdio: "inherit" });
const logs = path.join(target, "Logs");
for (const file of readdirSync(logs).filter((f) => f.endsWith(".md")).sort()) {
  console.log(`\n===== ${path.join(logs, file)} =====\n`);
  console.log(readFileSync(path.join(logs, file), "utf8"));
}
console.log(`The log is in ${logs}; open ${target} as a vault in Obsidian to browse it.`);
// Exit 1 only means some attachments failed (e.g. recordings without a Whisper model); they say why in the log.
process.exit(result.status === 1 ? 0 : (result.status ?? 1));
