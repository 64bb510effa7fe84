/**
 * The decode worker's message handling, given the scope it talks through (`self` in the Web
 * Worker, decode-worker.ts; a MessagePort in tests). One recording per worker: the main thread
 * sends "start" with the file's size, answers every "read" with the bytes, and acknowledges every
 * block of PCM.
 */
import { CustomSource } from "mediabunny";
import type { FromDecodeWorker, ToDecodeWorker } from "./decode-messages";
import { DecodeFailure, webCodecsPcm16kMono } from "./webcodecs-pcm-stream";

export interface DecodeWorkerScope {
  postMessage(message: FromDecodeWorker, transfer?: Transferable[]): void;
  onmessage: ((event: MessageEvent<ToDecodeWorker>) => void) | null;
}

export function serveDecodeRequests(scope: DecodeWorkerScope): void {
  const reads = new Map<number, { resolve(bytes: Uint8Array): void; reject(error: Error): void }>();
  let nextRead = 0;
  let acknowledged: (() => void) | undefined;

  const readRange = (start: number, end: number) =>
    new Promise<Uint8Array>((resolve, reject) => {
      const id = nextRead++;
      reads.set(id, { resolve, reject });
      scope.postMessage({ type: "read", id, start, end });
    });

  const decode = async (size: number) => {
    // "fileSystem" prefetching: small aligned reads around what the demuxer asks for, few round trips.
    const source = new CustomSource({ getSize: () => size, read: readRange, prefetchProfile: "fileSystem" });
    try {
      for await (const samples of webCodecsPcm16kMono(source, (info) => scope.postMessage({ type: "info", info }))) {
        const stored = new Promise<void>((resolve) => (acknowledged = resolve));
        scope.postMessage({ type: "pcm", samples }, [samples.buffer]);
        await stored;
      }
      scope.postMessage({ type: "done" });
    } catch (error) {
      const failure = error instanceof DecodeFailure ? error : new DecodeFailure("corrupt-media", error instanceof Error ? error.message : String(error));
      scope.postMessage({ type: "error", code: failure.code, message: failure.message });
    }
  };

  scope.onmessage = ({ data: message }) => {
    if (message.type === "start") return void decode(message.size);
    if (message.type === "ack") return acknowledged?.();
    const pending = reads.get(message.id);
    reads.delete(message.id);
    if (message.type === "bytes") pending?.resolve(message.bytes);
    else pending?.reject(new Error(message.message));
  };
}
