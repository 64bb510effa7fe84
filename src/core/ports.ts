import type { EngineOptions } from "./processing/engine-options";
import type { ProcessJob, ProcessorFindings, ProgressReport } from "./processing/processor-port";

/** File facts the queue needs; times are epoch milliseconds. */
export interface FileStat {
  size: number;
  mtime: number;
  ctime: number;
}

/**
 * The vault as the core sees it. The Obsidian adapter wraps app.vault (vault.process for
 * undo-safe atomic edits); the CLI and tests wrap a real folder on disk.
 */
export interface VaultPort {
  /** Vault-relative paths of every file. */
  listFiles(): Promise<string[]>;
  stat(path: string): Promise<FileStat | null>;
  readText(path: string): Promise<string | null>;
  /** The file's bytes, or null when it is missing. */
  readBinary(path: string): Promise<Uint8Array | null>;
  /** Creates the note (and its folders) with `initial` when missing, then applies `edit` atomically. */
  processText(path: string, edit: (text: string) => string, initial: string): Promise<string>;
  /** Moves a note to the trash (the user's trash setting) only if its text is still exactly `expected`. */
  trashNoteIfUnchanged(path: string, expected: string): Promise<boolean>;
  /** Absolute path on disk, for the engine host. */
  absolutePath(path: string): string;
}

/** Runs processors off the UI thread (the engine host child process). */
export interface EnginePort {
  process(
    job: ProcessJob,
    options: EngineOptions,
    signal: AbortSignal,
    onProgress: (report: ProgressReport) => void,
  ): Promise<ProcessorFindings>;
}

/** Downloads and verifies a model by catalog name into `modelsDir`; resolves with its path. */
export interface ModelInstaller {
  installModel(name: string, modelsDir: string, signal: AbortSignal, onProgress?: (report: ProgressReport) => void): Promise<string>;
}

/** Where the queue and the ledger persist (the plugin's data.json, or a file for the CLI). */
export interface StatePort {
  load(): Promise<unknown>;
  save(state: unknown): Promise<void>;
}

export interface Clock {
  now(): Date;
  /** Resolves after `ms`, or rejects when the signal aborts. */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

/** SHA-256 of a file on disk (absolute path), supplied by the adapter: crypto and streaming live outside core. */
export type ContentHasher = (absPath: string) => Promise<string>;
