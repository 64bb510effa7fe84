/**
 * `bitacora process <vault> --watch` as a child process whose output lines a test can wait for:
 * the CLI prints a line per finished attachment and per change it saw, so a test waits for the
 * line that says what it needs, never for wall time.
 */
import { spawn } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { createInterface } from "node:readline";

const BIN = path.resolve(__dirname, "../../bin/bitacora.js");

export function watchProcess(vault: string, ...extraArgs: string[]) {
  // HOME points at an empty folder so no model installed on this machine is picked up.
  const env: NodeJS.ProcessEnv = { ...process.env, HOME: mkdtempSync(path.join(tmpdir(), "bitacora-home-")) };
  delete env.XDG_DATA_HOME;
  const child = spawn(process.execPath, [BIN, "process", vault, "--watch", ...extraArgs], { stdio: ["ignore", "pipe", "pipe"], env });
  const lines: string[] = [];
  const waiters = new Set<() => void>();
  createInterface({ input: child.stdout }).on("line", (line) => {
    lines.push(line);
    for (const wake of [...waiters]) wake();
  });
  let stderr = "";
  child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  let ended = false;
  let exitSignal: NodeJS.Signals | null = null;
  const exited = new Promise<number | null>((resolve) =>
    child.on("exit", (code, signal) => {
      exitSignal = signal;
      ended = true;
      for (const wake of [...waiters]) wake();
      resolve(code);
    }),
  );
  return {
    lines,
    signal: () => exitSignal,
    stderr: () => stderr,
    /** Resolves with the first line matching `pattern` (already printed or still to come). */
    async line(pattern: RegExp): Promise<string> {
      for (;;) {
        const found = lines.find((l) => pattern.test(l));
        if (found !== undefined) return found;
        if (ended) throw new Error(`The CLI exited without printing ${pattern}:\n${lines.join("\n")}\n${stderr}`);
        await new Promise<void>((resolve) => {
          const wake = () => (waiters.delete(wake), resolve());
          waiters.add(wake);
        });
      }
    },
    /** Ctrl+C, and the exit code. */
    async interrupt(): Promise<number | null> {
      child.kill("SIGINT");
      return exited;
    },
  };
}
