/**
 * A decoder outside this process that turns a recording into a 16 kHz mono WAV file: in the
 * plugin, WebCodecs in Obsidian's renderer (src/obsidian/renderer-decode), reached over the
 * engine host's IPC channel. The engine host sets it at start; elsewhere there is none.
 */
export interface WavDecoderPort {
  /** Path of a 16 kHz mono WAV holding the whole recording; it stays until the job ends. */
  toWav(absPath: string, signal?: AbortSignal): Promise<string>;
}

let current: WavDecoderPort | undefined;

export function setProcessWavDecoder(decoder: WavDecoderPort | undefined): void {
  current = decoder;
}

export function processWavDecoder(): WavDecoderPort | undefined {
  return current;
}

/**
 * The parent's side (the plugin): decodes for the engine host. `workerScript` is the decode
 * worker's code as the host extracted it from main.js's payload.
 */
export interface ParentDecoderPort {
  toWav(absPath: string, workerScript: string | undefined, signal: AbortSignal): Promise<string>;
}
