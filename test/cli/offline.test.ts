/**
 * Offline means offline: the whole CLI runs over the sample vault (real whisper.cpp, OCR, VAD and
 * captioning engines) with every network syscall of every process and thread recorded by strace;
 * any attempt to reach a non-loopback address fails the test, as does ONNX Runtime's telemetry
 * folder appearing in HOME.
 */
import { spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

const ROOT = path.resolve(__dirname, "../..");
const BIN = path.join(ROOT, "bin/bitacora.js");
// whisper.cpp's weightless test model: real engine, meaningless words (no real weights here).
const TEST_MODEL = path.resolve(ROOT, "../shared/testdata/whisper_models/for-tests-ggml-tiny.bin");
const haveStrace = spawnSync("strace", ["-V"]).status === 0;

/** Addresses in connect/sendto/sendmsg lines of strace's output that are not loopback. */
function outsideAttempts(trace: string): string[] {
  const attempts: string[] = [];
  for (const line of trace.split("\n")) {
    if (!/\b(connect|sendto|sendmsg)\(/.test(line)) continue;
    const v4 = /sin_addr=inet_addr\("([^"]+)"\)/.exec(line);
    const v6 = /inet_pton\(AF_INET6, "([^"]+)"/.exec(line);
    const address = v4?.[1] ?? v6?.[1];
    if (address === undefined) continue;
    const loopback = address.startsWith("127.") || address === "::1" || address.startsWith("::ffff:127.");
    if (!loopback) attempts.push(line.trim());
  }
  return attempts;
}

(haveStrace ? test : test.skip)("the CLI over the sample vault makes no network attempt outside this machine", () => {
  const vault = mkdtempSync(path.join(tmpdir(), "bitacora-offline-"));
  cpSync(path.join(ROOT, "sample-vault"), vault, { recursive: true });
  const home = mkdtempSync(path.join(tmpdir(), "bitacora-home-"));
  const trace = path.join(home, "network.trace");
  const env: NodeJS.ProcessEnv = { ...process.env, HOME: home };
  delete env.XDG_DATA_HOME;
  delete env.XDG_CACHE_HOME;
  const result = spawnSync(
    "strace",
    ["-f", "-qq", "-e", "trace=connect,sendto,sendmsg", "-o", trace, process.execPath, BIN, "process", vault, "--model", TEST_MODEL],
    { encoding: "utf8", env, timeout: 600000 },
  );
  expect(result.stderr).toBe("");
  expect(result.stdout).toContain("Log notes are in");
  const lines = readFileSync(trace, "utf8");
  // The trace followed the CLI's children and threads (the engine host and its workers), not only the CLI.
  const pids = new Set(lines.split("\n").map((line) => line.split(" ")[0]).filter(Boolean));
  expect(pids.size).toBeGreaterThan(2);
  expect(outsideAttempts(lines)).toEqual([]);
  expect(existsSync(path.join(home, ".cache/Microsoft"))).toBe(false);
}, 600000);

if (!haveStrace) console.warn("Skipping the offline test: strace is not installed here (`apt-get install -y strace`; .ci/run does).");

test("the trace reader tells loopback from the outside", () => {
  const trace = [
    '12 connect(36, {sa_family=AF_INET, sin_port=htons(53), sin_addr=inet_addr("10.255.255.53")}, 16) = 0',
    '12 connect(37, {sa_family=AF_INET, sin_port=htons(11434), sin_addr=inet_addr("127.0.0.1")}, 16) = 0',
    '13 connect(38, {sa_family=AF_INET6, sin6_port=htons(443), sin6_flowinfo=htonl(0), inet_pton(AF_INET6, "2606:4700::1", &sin6_addr), sin6_scope_id=0}, 28) = -1',
    '13 connect(39, {sa_family=AF_INET6, sin6_port=htons(80), sin6_flowinfo=htonl(0), inet_pton(AF_INET6, "::1", &sin6_addr), sin6_scope_id=0}, 28) = 0',
    '14 sendmsg(5, {msg_name=NULL, msg_namelen=0, msg_iov=[{iov_base="{}", iov_len=2}]}, 0) = 2',
  ].join("\n");
  expect(outsideAttempts(trace)).toEqual([expect.stringContaining("10.255.255.53"), expect.stringContaining("2606:4700::1")]);
});
