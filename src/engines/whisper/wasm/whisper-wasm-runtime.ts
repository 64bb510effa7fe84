import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import type { Worker } from "node:worker_threads";

/** The three files of the build (scripts/build-whisper-wasm.mjs), all in one folder. */
export const WHISPER_WASM_FILES = ["whisper-wasm.js", "whisper-wasm.wasm", "whisper-wasm.worker.js"] as const;

/** What native/whisper-wasm/binding.cpp exports, plus the Emscripten runtime pieces it uses. */
interface EmscriptenWhisper {
  HEAPU8: Uint8Array;
  HEAPF32: Float32Array;
  _malloc(bytes: number): number;
  _free(pointer: number): void;
  UTF8ToString(pointer: number): string;
  stringToUTF8(text: string, pointer: number, maxBytes: number): void;
  lengthBytesUTF8(text: string): number;
  _bw_version(): number;
  _bw_system_info(): number;
  _bw_quiet(): void;
  _bw_load_error(): number;
  _bw_load_file(pathPointer: number): number;
  _bw_load_buffer(bytes: number, size: number): number;
  _bw_free(context: number): void;
  _bw_start(context: number, id: number, samples: number, count: number, language: number, prompt: number, threads: number): number;
  _bw_abort(job: number): void;
  _bw_finish(job: number): void;
  _bw_language(context: number): number;
  _bw_language_code(id: number): number;
  _bw_segments(context: number): number;
  _bw_segment_t0(context: number, i: number): number;
  _bw_segment_t1(context: number, i: number): number;
  _bw_segment_text(context: number, i: number): number;
  _bw_segment_no_speech(context: number, i: number): number;
  whisperProgress?: (id: number, percent: number) => void;
  whisperDone?: (id: number, status: number) => void;
  PThread: { unusedWorkers: Worker[]; runningWorkers: Worker[]; allocateUnusedWorker(): void; terminateAllThreads(): void };
}

type CreateModule = (options: { wasmBinary: Uint8Array; locateFile: (name: string) => string }) => Promise<EmscriptenWhisper>;

export interface WasmSegment {
  startMs: number;
  endMs: number;
  text: string;
  noSpeechProb: number;
}

export interface WasmTranscription {
  /** whisper.cpp returned early because abort() was called. */
  aborted: boolean;
  language: string;
  segments: WasmSegment[];
}

export interface WasmJob {
  promise: Promise<WasmTranscription>;
  abort(): void;
}

interface RunningJob {
  context: number;
  pointer: number;
  aborted: boolean;
  onProgress?: (percent: number) => void;
  resolve(result: WasmTranscription): void;
  reject(error: Error): void;
}

/**
 * whisper.cpp compiled to WebAssembly (SIMD128, pthreads), loaded once per process. Node (or
 * Electron run as Node) gives its pthreads worker_threads and a SharedArrayBuffer heap; no
 * native module is involved. A transcription runs on its own pthread, so this thread stays free
 * for the progress and end messages, the abort call and the rest of the engine host.
 */
export class WhisperWasmRuntime {
  private readonly jobs = new Map<number, RunningJob>();
  private nextJobId = 1;
  /** Holds the process open while a job runs: the pthread workers themselves do not (see below). */
  private keepAlive: ReturnType<typeof setInterval> | undefined;

  private constructor(private readonly module: EmscriptenWhisper) {
    module.whisperProgress = (id, percent) => this.jobs.get(id)?.onProgress?.(percent);
    module.whisperDone = (id, status) => this.finish(id, status);
    module._bw_quiet();
    keepWorkersFromHoldingTheProcess(module);
  }

  /** Loads the build from a folder holding WHISPER_WASM_FILES. */
  static async load(dir: string): Promise<WhisperWasmRuntime> {
    // A real Node require (not a bundler's or a test runner's): Emscripten's pthread workers load
    // this same file by path.
    const create = createRequire(__filename)(path.join(dir, "whisper-wasm.js")) as CreateModule;
    // The bytes are handed over so Emscripten never reaches for fetch() (Node 18-20 have one that
    // cannot read file paths).
    const wasmBinary = readFileSync(path.join(dir, "whisper-wasm.wasm"));
    const module = await create({ wasmBinary, locateFile: (name) => path.join(dir, name) });
    return new WhisperWasmRuntime(module);
  }

  get version(): string {
    return this.module.UTF8ToString(this.module._bw_version());
  }

  get systemInfo(): string {
    return this.module.UTF8ToString(this.module._bw_system_info());
  }

  /** Opens a ggml model by path (read straight from the disk). */
  loadModelFile(modelPath: string): number {
    const pathPointer = this.copyString(modelPath);
    try {
      return this.checkContext(this.module._bw_load_file(pathPointer));
    } finally {
      this.module._free(pathPointer);
    }
  }

  /** Opens a ggml model from bytes already in memory. */
  loadModelBytes(bytes: Uint8Array): number {
    const pointer = this.module._malloc(bytes.byteLength);
    if (!pointer) throw new Error(`not enough memory for a ${Math.round(bytes.byteLength / 1e6)} MB model`);
    try {
      this.module.HEAPU8.set(bytes, pointer);
      return this.checkContext(this.module._bw_load_buffer(pointer, bytes.byteLength));
    } finally {
      this.module._free(pointer);
    }
  }

  freeModel(context: number): void {
    this.module._bw_free(context);
  }

  /**
   * Starts one transcription of 16 kHz mono samples with a loaded model (one at a time per
   * model). Progress is whisper.cpp's 0..100. abort() makes whisper.cpp return at its next check.
   */
  transcribe(
    context: number,
    samples: Float32Array,
    options: { language: string; prompt?: string; threads: number },
    onProgress?: (percent: number) => void,
  ): WasmJob {
    const id = this.nextJobId++;
    const heap = this.module;
    const samplesPointer = heap._malloc(samples.length * 4);
    if (!samplesPointer) throw new Error("not enough memory for the audio");
    const language = this.copyString(options.language);
    const prompt = this.copyString(options.prompt ?? "");
    let job: RunningJob | undefined;
    const promise = new Promise<WasmTranscription>((resolve, reject) => {
      job = { context, pointer: 0, aborted: false, onProgress, resolve, reject };
    });
    try {
      // The binding copies the samples and strings before returning.
      heap.HEAPF32.set(samples, samplesPointer / 4);
      job!.pointer = heap._bw_start(context, id, samplesPointer, samples.length, language, prompt, Math.max(1, Math.floor(options.threads)));
      this.jobs.set(id, job!);
      this.keepAlive ??= setInterval(() => undefined, 2 ** 30);
    } finally {
      heap._free(samplesPointer);
      heap._free(language);
      heap._free(prompt);
    }
    return {
      promise,
      abort: () => {
        if (!this.jobs.has(id) || job!.aborted) return;
        job!.aborted = true;
        heap._bw_abort(job!.pointer);
      },
    };
  }

  /** Stops every worker thread; the runtime cannot be used afterwards (tests, host shutdown). */
  terminate(): void {
    this.module.PThread.terminateAllThreads();
  }

  private finish(id: number, status: number): void {
    const job = this.jobs.get(id);
    if (!job) return;
    this.jobs.delete(id);
    if (this.jobs.size === 0) {
      clearInterval(this.keepAlive);
      this.keepAlive = undefined;
    }
    const heap = this.module;
    heap._bw_finish(job.pointer);
    if (status !== 0 && !job.aborted) {
      job.reject(new Error(`whisper_full failed with status ${status}`));
      return;
    }
    const segments: WasmSegment[] = [];
    if (!job.aborted) {
      const count = heap._bw_segments(job.context);
      for (let i = 0; i < count; i++) {
        segments.push({
          // whisper.cpp's times are centiseconds.
          startMs: heap._bw_segment_t0(job.context, i) * 10,
          endMs: heap._bw_segment_t1(job.context, i) * 10,
          text: heap.UTF8ToString(heap._bw_segment_text(job.context, i)),
          noSpeechProb: heap._bw_segment_no_speech(job.context, i),
        });
      }
    }
    const language = job.aborted ? "" : heap.UTF8ToString(heap._bw_language_code(heap._bw_language(job.context)));
    job.resolve({ aborted: job.aborted, language, segments });
  }

  private checkContext(context: number): number {
    if (context) return context;
    const reason = this.module.UTF8ToString(this.module._bw_load_error()).trim();
    throw new Error(reason || "whisper.cpp could not read it as a ggml model");
  }

  private copyString(text: string): number {
    const size = this.module.lengthBytesUTF8(text) + 1;
    const pointer = this.module._malloc(size);
    this.module.stringToUTF8(text, pointer, size);
    return pointer;
  }
}

/** Idle pthread workers must not keep the engine host (or a test runner) alive on their own. */
function keepWorkersFromHoldingTheProcess(module: EmscriptenWhisper): void {
  const pthreads = module.PThread;
  for (const worker of pthreads.unusedWorkers) worker.unref();
  const allocate = pthreads.allocateUnusedWorker.bind(pthreads);
  pthreads.allocateUnusedWorker = () => {
    allocate();
    pthreads.unusedWorkers[pthreads.unusedWorkers.length - 1]?.unref();
  };
}
