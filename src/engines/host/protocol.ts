import type { EngineOptions } from "../../core/processing/engine-options";
import type { JobErrorCode } from "../../core/queue/error-codes";
import type { ProcessJob, ProcessorFindings, ProgressReport } from "../../core/processing/processor-port";
import type { HttpFailureKind, HttpRequest, HttpResponse } from "../http/http-transport";

/** A main.js carrying a payload, and the cache folder it is extracted to. */
export interface PayloadLocation {
  mainJs: string;
  cacheRoot: string;
}

/** Messages between the plugin/CLI and the engine host child process (JSON over IPC). */
export type HostRequest =
  | { type: "process"; id: string; job: ProcessJob; options: EngineOptions }
  | { type: "install-model"; id: string; name: string; modelsDir: string }
  /**
   * Where the host finds a file the build bundled: in main.js's payload (the one the host started
   * from, or `payload`, the plugin's main.js when a native pack runs), else assets/ beside dist/.
   */
  | { type: "bundled-file"; id: string; name: string; payload?: PayloadLocation }
  | { type: "cancel"; id: string }
  | { type: "http-response"; id: string; response: HttpResponse }
  | { type: "http-failed"; id: string; kind: HttpFailureKind; message: string }
  /** The parent decoded a recording for the host (a 16 kHz mono WAV), or could not. */
  | { type: "decoded"; id: string; wavPath: string }
  | { type: "decode-failed"; id: string; message: string; cancelled?: boolean };

export type HostResponse =
  | { type: "ready"; pid: number }
  | { type: "progress"; id: string; report: ProgressReport }
  | { type: "result"; id: string; findings: ProcessorFindings }
  | { type: "installed"; id: string; path: string }
  | { type: "bundled-file"; id: string; path: string }
  | { type: "error"; id: string; message: string; code: EngineErrorCode }
  /** The host asks its parent to make an HTTP request (the plugin through requestUrl). */
  | { type: "http"; id: string; request: HttpRequest }
  | { type: "http-cancel"; id: string }
  /** The host asks its parent to decode a recording it has no decoder for (AAC, Vorbis: Obsidian's WebCodecs). */
  | { type: "decode"; id: string; absPath: string; workerScript?: string }
  | { type: "decode-cancel"; id: string };

/** The engines report the job error codes core owns. */
export type EngineErrorCode = JobErrorCode;
