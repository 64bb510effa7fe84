import type { EngineOptions } from "../../core/processing/engine-options";
import type { JobErrorCode } from "../../core/queue/error-codes";
import type { ProcessJob, ProcessorFindings, ProgressReport } from "../../core/processing/processor-port";

/** Messages between the plugin/CLI and the engine host child process (JSON over IPC). */
export type HostRequest =
  | { type: "process"; id: string; job: ProcessJob; options: EngineOptions }
  | { type: "install-model"; id: string; name: string; modelsDir: string }
  | { type: "cancel"; id: string };

export type HostResponse =
  | { type: "ready"; pid: number }
  | { type: "progress"; id: string; report: ProgressReport }
  | { type: "result"; id: string; findings: ProcessorFindings }
  | { type: "installed"; id: string; path: string }
  | { type: "error"; id: string; message: string; code: EngineErrorCode };

/** The engines report the job error codes core owns. */
export type EngineErrorCode = JobErrorCode;
