import { readdir, stat } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { EngineError } from "../host/engine-error";
import { downloadModelFile, ModelDownloadError, type DownloadResult } from "./model-download";
import { findWhisperModel, modelFileName, officialModelUrl, WHISPER_MODELS, type WhisperModelInfo } from "./whisper-catalog";

/** What a user must do when no model is there; shown in the entry and in a notice. */
export const NO_MODEL_HELP =
  'No Whisper model is installed. Download one with the "Download Whisper model" button in Bitácora\'s settings ' +
  '(or the command "Download Whisper model"), or set "Whisper model path" in the settings to a ggml model file you already have ' +
  "(https://huggingface.co/ggerganov/whisper.cpp).";

export interface InstalledModel {
  name: string;
  path: string;
  bytes: number;
}

/**
 * A per-user folder outside any vault, so a 1.5 GB model never travels with Obsidian Sync or
 * a Git-synced vault: %LOCALAPPDATA%\Bitacora\models, ~/Library/Application Support/Bitacora/models,
 * or $XDG_DATA_HOME/bitacora/models (~/.local/share/bitacora/models).
 */
export function defaultModelsDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  const home = os.homedir();
  if (platform === "win32") return path.win32.join(env.LOCALAPPDATA ?? path.win32.join(home, "AppData", "Local"), "Bitacora", "models");
  if (platform === "darwin") return path.posix.join(home, "Library", "Application Support", "Bitacora", "models");
  return path.posix.join(env.XDG_DATA_HOME ?? path.posix.join(home, ".local", "share"), "bitacora", "models");
}

export function whisperModelPath(modelsDir: string, name: string): string {
  return path.join(modelsDir, modelFileName(name));
}

/** Catalog models present in the models folder (complete files only, never `.part`). */
export async function listInstalledModels(modelsDir: string): Promise<InstalledModel[]> {
  if (!modelsDir) return [];
  let names: string[];
  try {
    names = await readdir(modelsDir);
  } catch {
    return [];
  }
  const installed: InstalledModel[] = [];
  for (const model of WHISPER_MODELS) {
    if (!names.includes(modelFileName(model.name))) continue;
    const filePath = whisperModelPath(modelsDir, model.name);
    const info = await stat(filePath);
    if (info.isFile() && info.size > 0) installed.push({ name: model.name, path: filePath, bytes: info.size });
  }
  return installed;
}

/**
 * The model file a job should use: the custom path when the user set one (it must exist),
 * otherwise a downloaded catalog model (smallest first). Fails with "no-model" and
 * exact instructions when there is none.
 */
export async function resolveWhisperModel(options: { whisperModelPath?: string; modelsDir: string }): Promise<string> {
  if (options.whisperModelPath) {
    try {
      if ((await stat(options.whisperModelPath)).isFile()) return options.whisperModelPath;
    } catch {
      // Reported below with the path the user set.
    }
    throw new EngineError("no-model", `The Whisper model file "${options.whisperModelPath}" does not exist. ${NO_MODEL_HELP}`);
  }
  const installed = await listInstalledModels(options.modelsDir);
  if (installed.length > 0) return installed.sort((a, b) => a.bytes - b.bytes)[0].path;
  throw new EngineError("no-model", NO_MODEL_HELP);
}

export interface InstallOptions {
  modelsDir: string;
  /** Only for tests (a loopback server); users always download from the official location. */
  baseUrl?: string;
  signal?: AbortSignal;
  onProgress?: (receivedBytes: number, totalBytes: number | undefined) => void;
}

/** Downloads a catalog model into the models folder (resumes, verifies, renames atomically). */
export async function installWhisperModel(name: string, options: InstallOptions): Promise<DownloadResult & { model: WhisperModelInfo }> {
  const model = findWhisperModel(name);
  if (!model) throw new ModelDownloadError("http", `"${name}" is not one of the official Whisper models.`);
  if (!options.modelsDir) throw new ModelDownloadError("permission", "No models folder is set.");
  const url = options.baseUrl ? `${options.baseUrl.replace(/\/$/, "")}/${modelFileName(name)}` : officialModelUrl(name);
  const result = await downloadModelFile({
    url,
    destPath: whisperModelPath(options.modelsDir, name),
    sha256: model.sha256,
    sha1: model.sha1,
    sizeBytes: model.sizeBytes,
    signal: options.signal,
    onProgress: options.onProgress,
  });
  return { ...result, model };
}
