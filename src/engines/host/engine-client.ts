import { fork, spawn, type ChildProcess } from "node:child_process";
import { rm } from "node:fs/promises";
import { randomUUID } from "node:crypto";
import type { EngineOptions } from "../../core/processing/engine-options";
import type { ProcessJob, ProcessorFindings, ProgressReport } from "../../core/processing/processor-port";
import { cancelledError, EngineError } from "./engine-error";
import type { HostRequest, HostResponse, PayloadLocation } from "./protocol";
import { OFFLINE_ENV } from "./offline-env";
import { fetchTransport } from "../http/fetch-transport";
import { HttpTransportError, type HttpTransport } from "../http/http-transport";
import { limitConcurrency } from "../http/limit-concurrency";
import type { ParentDecoderPort } from "../audio/wav-decoder-port";

/** Requests in flight to the transcription server, whatever the number of jobs (bench/server). */
export const MAX_SERVER_CONNECTIONS = 4;

/**
 * Memory settings for the engine host, measured by benchmark 5 (docs/engines.md): a small V8
 * young generation (the host's JS only moves audio blocks along) and two malloc arenas
 * (whisper.cpp, ONNX Runtime and the decoder each allocate from other threads) keep about 40 MB
 * off the peak of a 10-minute recording, at no measured cost in speed.
 */
const HOST_V8_FLAGS = ["--max-semi-space-size=2"];
const HOST_MEMORY_ENV = { MALLOC_ARENA_MAX: "2" };

/**
 * How the host starts: a script on disk (dist/engine-host.js for the CLI and tests, the native
 * pack's copy in the plugin folder), or the host embedded in main.js, which a small bootstrap
 * given with `-e` extracts to a per-payload cache folder (src/engines/payload).
 */
export type EngineHostLaunch =
  | { hostScript: string; embedded?: undefined }
  | { hostScript?: undefined; embedded: { bootstrap: string; mainJs: string; cacheRoot: string } };

export type EngineClientConfig = EngineHostLaunch & {
  /** Node executable; inside Obsidian this is Electron run as Node. */
  execPath?: string;
  env?: NodeJS.ProcessEnv;
  /**
   * How long a cancelled job may take to stop before the host is killed. 700 ms by default so
   * the engine's CPU work is gone within 1 s of a cancel (whisper.cpp notices an abort only
   * between encoder passes and decoder steps; the prebuilt binding only between windows).
   */
  cancelGraceMs?: number;
  /** Makes the host's HTTP requests: requestUrl in the plugin; Node's fetch by default (CLI). */
  http?: HttpTransport;
  /**
   * Decodes what the host's WebAssembly codecs cannot (AAC, Vorbis): WebCodecs in Obsidian's
   * renderer (src/obsidian/renderer-decode). Without it the host falls back to the user's ffmpeg.
   */
  decoder?: ParentDecoderPort;
};

interface PendingJob {
  resolve(value: unknown): void;
  reject(error: EngineError): void;
  onProgress(report: ProgressReport): void;
  /** The host process the job was sent to: only its exit fails the job. */
  host: ChildProcess;
}

/**
 * Runs jobs in the engine host child process. The host is started lazily, restarted after a
 * crash, and killed when a cancelled job does not stop within the grace period.
 */
export class EngineClient {
  private child: ChildProcess | null = null;
  /** Settles when the current host said "ready" (or stopped before that). */
  private hostReady: Promise<void> = Promise.resolve();
  private markReady: () => void = () => undefined;
  private readonly pending = new Map<string, PendingJob>();
  /** Jobs told to stop, with the timer that kills the host if they do not. */
  private readonly stopping = new Map<string, NodeJS.Timeout>();
  /** Jobs that wait until no stop is pending: a host that may be killed gets no new work. */
  private readonly afterStops = new Set<() => void>();
  /** The host's HTTP requests in flight, to cancel them when the host asks or goes away. */
  private readonly httpCalls = new Map<string, AbortController>();
  private readonly http: HttpTransport;
  /** Decodes in flight for the host, to cancel them when it asks. */
  private readonly decodes = new Map<string, AbortController>();
  /** WAVs decoded for the running job, by recording: its steps (transcription, emotion) share one; deleted when no job is left. */
  private readonly decodedFiles = new Map<string, Promise<string>>();

  constructor(private readonly config: EngineClientConfig) {
    this.http = limitConcurrency(config.http ?? fetchTransport(), MAX_SERVER_CONNECTIONS);
  }

  process(
    job: ProcessJob,
    options: EngineOptions,
    signal: AbortSignal,
    onProgress: (report: ProgressReport) => void = () => undefined,
  ): Promise<ProcessorFindings> {
    const timeoutMs = options.timeoutSec * 1000;
    const timeoutMessage = `Processing took longer than ${options.timeoutSec} s and was stopped.`;
    const started = Date.now();
    const result = this.call((id) => ({ type: "process", id, job, options }), timeoutMs, timeoutMessage, signal, onProgress) as Promise<ProcessorFindings>;
    return result.then((findings) => {
      // Measured speed for the settings: audio seconds per second of processing.
      const audioSec = findings.audio?.durationSec;
      if (audioSec && findings.audio?.transcript !== undefined) this.lastRecording = { audioSec, processingSec: (Date.now() - started) / 1000 };
      return findings;
    });
  }

  /** The last transcribed recording since start: its length and how long processing it took. */
  lastRecording: { audioSec: number; processingSec: number } | undefined;

  /** Downloads an official Whisper model in the host (hashing a large file is heavy work). */
  async installModel(
    name: string,
    modelsDir: string,
    signal: AbortSignal,
    onProgress: (report: ProgressReport) => void = () => undefined,
  ): Promise<string> {
    const day = 24 * 3600 * 1000;
    const result = await this.call((id) => ({ type: "install-model", id, name, modelsDir }), day, "The download took too long.", signal, onProgress);
    return (result as { path: string }).path;
  }

  /** Path, readable by the host, of a file the build bundled (e.g. the which-model clip). */
  async bundledFile(name: string, signal: AbortSignal, payload?: PayloadLocation): Promise<string> {
    const result = await this.call((id) => ({ type: "bundled-file", id, name, payload }), 60_000, `The engine did not find ${name} in time.`, signal, () => undefined);
    return (result as { path: string }).path;
  }

  private async call(
    request: (id: string) => HostRequest,
    timeoutMs: number,
    timeoutMessage: string,
    signal: AbortSignal,
    onProgress: (report: ProgressReport) => void,
  ): Promise<unknown> {
    // A cancelled job that has not stopped yet may get its host killed: the next job waits for
    // the host's answer or the kill, so it is never sent to a process about to die.
    while (this.stopping.size > 0) await new Promise<void>((resolve) => this.afterStops.add(resolve));
    if (signal.aborted) throw cancelledError();
    const child = this.ensureHost();
    const id = randomUUID();
    return new Promise<unknown>((resolve, reject) => {
      const cleanup = () => {
        clearTimeout(timer);
        signal.removeEventListener("abort", onAbort);
        this.pending.delete(id);
        if (this.pending.size === 0) this.releaseDecoded();
      };
      const stopJob = (error: EngineError) => {
        this.send({ type: "cancel", id });
        // A native call that ignores the abort flag is stopped the hard way.
        this.stopping.set(
          id,
          setTimeout(() => this.killHost(), this.config.cancelGraceMs ?? 700),
        );
        cleanup();
        reject(error);
      };
      const onAbort = () => stopJob(cancelledError());
      const timer = setTimeout(() => stopJob(new EngineError("timeout", timeoutMessage)), timeoutMs);
      signal.addEventListener("abort", onAbort, { once: true });
      this.pending.set(id, {
        resolve: (value) => {
          cleanup();
          resolve(value);
        },
        reject: (error) => {
          cleanup();
          reject(error);
        },
        onProgress,
        host: child,
      });
      child.send(request(id));
    });
  }

  /** Starts the host if needed and resolves once it is ready for jobs (settings and the load bench use it). */
  whenReady(): Promise<void> {
    this.ensureHost();
    return this.hostReady;
  }

  /** Stops the host process; pending jobs fail as cancelled. */
  dispose(): void {
    this.killHost();
  }

  private ensureHost(): ChildProcess {
    if (this.child && this.child.connected) return this.child;
    const child = this.launch();
    let notReady: (error: EngineError) => void = () => undefined;
    this.hostReady = new Promise<void>((resolve, reject) => {
      this.markReady = resolve;
      notReady = reject;
    });
    // Nobody may be waiting: a host that dies early is reported through the jobs instead.
    this.hostReady.catch(() => undefined);
    let stderrTail = "";
    child.stderr?.on("data", (chunk: Buffer) => {
      stderrTail = (stderrTail + chunk.toString()).slice(-2000);
    });
    child.on("message", (message: HostResponse) => this.onMessage(message));
    child.on("exit", (code, signal) => {
      if (this.child === child) this.child = null;
      const reason = signal ? `signal ${signal}` : `exit code ${code}`;
      const detail = stderrTail.trim().split("\n").slice(-3).join(" ");
      notReady(new EngineError("engine-crashed", `The engine process stopped before it was ready (${reason}).${detail ? ` ${detail}` : ""}`));
      for (const job of [...this.pending.values()].filter((pending) => pending.host === child)) {
        job.reject(new EngineError("engine-crashed", `The engine process stopped (${reason}).${detail ? ` ${detail}` : ""}`));
      }
    });
    this.child = child;
    return child;
  }

  /** Electron run as Node (process.execPath + ELECTRON_RUN_AS_NODE, as Electron documents), with an IPC channel. */
  private launch(): ChildProcess {
    const options = {
      env: { ...HOST_MEMORY_ENV, ...process.env, ...this.config.env, ...OFFLINE_ENV, ELECTRON_RUN_AS_NODE: "1" },
      stdio: ["ignore", "ignore", "pipe", "ipc"] as ("ignore" | "pipe" | "ipc")[],
      serialization: "advanced" as const,
    };
    const config = this.config;
    const execPath = config.execPath ?? process.execPath;
    if (!config.embedded) return fork(config.hostScript, [], { ...options, execPath, execArgv: HOST_V8_FLAGS });
    const embedded = config.embedded;
    // Arguments, never a shell string: paths with spaces or any script are passed as they are.
    return spawn(execPath, [...HOST_V8_FLAGS, "-e", embedded.bootstrap, "--", embedded.mainJs, embedded.cacheRoot], { ...options, windowsHide: true });
  }

  private onMessage(message: HostResponse): void {
    if (message.type === "ready") return this.markReady();
    if (message.type === "http") return void this.makeHttpRequest(message.id, message.request);
    if (message.type === "http-cancel") return void this.httpCalls.get(message.id)?.abort();
    if (message.type === "decode") return void this.decodeForHost(message.id, message.absPath, message.workerScript);
    if (message.type === "decode-cancel") return void this.decodes.get(message.id)?.abort();
    const stopTimer = this.stopping.get(message.id);
    if (stopTimer && message.type !== "progress") {
      clearTimeout(stopTimer);
      this.stopping.delete(message.id);
      this.stopsSettled();
    }
    const job = this.pending.get(message.id);
    if (!job) return;
    if (message.type === "progress") job.onProgress(message.report);
    else if (message.type === "result") job.resolve(message.findings);
    else if (message.type === "installed" || message.type === "bundled-file") job.resolve({ path: message.path });
    else job.reject(new EngineError(message.code, message.message));
  }

  private stopsSettled(): void {
    if (this.stopping.size > 0) return;
    for (const resolve of [...this.afterStops]) resolve();
    this.afterStops.clear();
  }

  private async makeHttpRequest(id: string, request: Extract<HostResponse, { type: "http" }>["request"]): Promise<void> {
    const controller = new AbortController();
    this.httpCalls.set(id, controller);
    try {
      const response = await this.http.send(request, controller.signal);
      this.send({ type: "http-response", id, response });
    } catch (error) {
      const failure = error instanceof HttpTransportError ? error : new HttpTransportError("unreachable", String((error as Error)?.message ?? error));
      this.send({ type: "http-failed", id, kind: failure.kind, message: failure.message });
    } finally {
      this.httpCalls.delete(id);
    }
  }

  private async decodeForHost(id: string, absPath: string, workerScript: string | undefined): Promise<void> {
    const decoder = this.config.decoder;
    if (!decoder) return this.send({ type: "decode-failed", id, message: "no decoder outside the engine host here" });
    const controller = new AbortController();
    this.decodes.set(id, controller);
    try {
      let wav = this.decodedFiles.get(absPath);
      if (!wav) {
        wav = decoder.toWav(absPath, workerScript, controller.signal);
        this.decodedFiles.set(absPath, wav);
        wav.catch(() => this.decodedFiles.delete(absPath));
      }
      this.send({ type: "decoded", id, wavPath: await wav });
    } catch (error) {
      this.send({ type: "decode-failed", id, message: error instanceof Error ? error.message : String(error), cancelled: controller.signal.aborted });
    } finally {
      this.decodes.delete(id);
    }
  }

  /** Deletes the WAVs decoded for jobs that are over (they live in the plugin's cache folder). */
  private releaseDecoded(): void {
    for (const wav of this.decodedFiles.values()) wav.then((file) => rm(file, { force: true }), () => undefined).catch(() => undefined);
    this.decodedFiles.clear();
  }

  private send(request: HostRequest): void {
    if (this.child?.connected) this.child.send(request);
  }

  private killHost(): void {
    for (const call of this.httpCalls.values()) call.abort();
    for (const decode of this.decodes.values()) decode.abort();
    for (const timer of this.stopping.values()) clearTimeout(timer);
    this.stopping.clear();
    this.stopsSettled();
    const child = this.child;
    this.child = null;
    if (child && child.exitCode === null) child.kill("SIGKILL");
  }
}
