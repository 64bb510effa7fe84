/**
 * The renderer's decode worker: a Web Worker in Obsidian, built by esbuild into main.js's payload
 * as renderer-decode-worker.js and started by the plugin from that text (blob-worker.ts).
 */
import { serveDecodeRequests, type DecodeWorkerScope } from "./decode-worker-main";

serveDecodeRequests(self as unknown as DecodeWorkerScope);
