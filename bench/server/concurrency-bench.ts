/**
 * N transcription requests at once against a loopback server that answers like speaches after
 * a fixed delay: the client side's event loop delay (perf_hooks.monitorEventLoopDelay, 1 ms
 * resolution) and the connections the server saw, for Bitácora's transport (the parent's
 * limitConcurrency(fetch, MAX_SERVER_CONNECTIONS), as EngineClient builds it) side by side with
 * a naive unbounded client (the same fetch transport, no limit) in the same run.
 *
 * The measured process does more than the plugin's does: it also encodes each 30 s chunk as
 * WAV, builds the multipart body and parses the answer, which the engine host does in the
 * plugin. Results: bench/results/server-concurrency.json (`npm run bench:server`).
 */
import { fork, type ChildProcess } from "node:child_process";
import { monitorEventLoopDelay } from "node:perf_hooks";
import { MAX_SERVER_CONNECTIONS } from "../../src/engines/host/engine-client";
import { fetchTransport } from "../../src/engines/http/fetch-transport";
import type { HttpTransport } from "../../src/engines/http/http-transport";
import { limitConcurrency } from "../../src/engines/http/limit-concurrency";
import { ServerWhisperEngine } from "../../src/engines/whisper/server-whisper-engine";
import { median, writeResult } from "../whisper/bench-common";
import { serveLikeSpeaches, type ServerCounts } from "./speaches-like-server";

const DELAY_MS = 1000;
const CHUNK_SEC = 30;
const JOB_COUNTS = [1, 8, 32];
const REPEATS = 3;
const P99_BUDGET_MS = 20;

interface Server {
  url: string;
  child: ChildProcess;
}

async function startServer(): Promise<Server> {
  const child = fork(process.argv[1], ["--serve", String(DELAY_MS)], { stdio: ["ignore", "inherit", "inherit", "ipc"] });
  const url = await new Promise<string>((resolve) => child.once("message", (m: { url: string }) => resolve(m.url)));
  return { url, child };
}

async function stopServer(server: Server): Promise<ServerCounts> {
  server.child.send({ type: "counts" });
  const counts = await new Promise<ServerCounts>((resolve) => server.child.once("message", (m: { counts: ServerCounts }) => resolve(m.counts)));
  server.child.send({ type: "stop" });
  await new Promise((resolve) => server.child.once("exit", resolve));
  return counts;
}

/** A chunk of speech-like noise: the bytes do not matter to the server, their size does. */
function chunk(): Float32Array {
  const pcm = new Float32Array(CHUNK_SEC * 16000);
  for (let i = 0; i < pcm.length; i++) pcm[i] = Math.sin(i / 7) * 0.2;
  return pcm;
}

async function run(client: "bitacora" | "naive", jobs: number, pcm: Float32Array) {
  const server = await startServer();
  const transport: HttpTransport = client === "bitacora" ? limitConcurrency(fetchTransport(), MAX_SERVER_CONNECTIONS) : fetchTransport();
  const histogram = monitorEventLoopDelay({ resolution: 1 });
  histogram.enable();
  const started = performance.now();
  const results = await Promise.all(
    Array.from({ length: jobs }, () =>
      new ServerWhisperEngine({ url: server.url, model: "Systran/faster-whisper-large-v3", timeoutSec: 600 }, { transport }).transcribe(pcm, { language: "es", threads: 1 }),
    ),
  );
  const wallMs = performance.now() - started;
  histogram.disable();
  const counts = await stopServer(server);
  if (results.some((r) => r.segments.length !== CHUNK_SEC / 3)) throw new Error("a transcript came back incomplete");
  return { wallMs, p99Ms: histogram.percentile(99) / 1e6, maxMs: histogram.max / 1e6, ...counts };
}

async function idleP99Ms(): Promise<number> {
  const histogram = monitorEventLoopDelay({ resolution: 1 });
  histogram.enable();
  await new Promise((resolve) => setTimeout(resolve, 3000));
  histogram.disable();
  return histogram.percentile(99) / 1e6;
}

async function main() {
  const pcm = chunk();
  const idle = await idleP99Ms();
  const rows = [];
  for (const jobs of JOB_COUNTS) {
    for (const client of ["bitacora", "naive"] as const) {
      const runs = [];
      for (let i = 0; i < REPEATS; i++) runs.push(await run(client, jobs, pcm));
      const row = {
        client,
        jobs,
        eventLoopP99Ms: round(median(runs.map((r) => r.p99Ms))),
        eventLoopMaxMs: round(Math.max(...runs.map((r) => r.maxMs))),
        connections: Math.max(...runs.map((r) => r.connections)),
        serverMaxInFlight: Math.max(...runs.map((r) => r.maxInFlight)),
        wallSec: round(median(runs.map((r) => r.wallMs)) / 1000),
      };
      rows.push(row);
      console.log(JSON.stringify(row));
    }
  }
  const ours = rows.filter((r) => r.client === "bitacora");
  writeResult("server-concurrency", {
    setup: {
      server: `loopback, own process, answers speaches' verbose_json (${CHUNK_SEC / 3} segments) ${DELAY_MS} ms after the upload ends`,
      request: `one ${CHUNK_SEC} s chunk per job as 16 kHz 16-bit WAV (${Math.round((CHUNK_SEC * 32000) / 1024)} KB multipart), through ServerWhisperEngine and Node's fetch`,
      bitacora: `limitConcurrency(fetchTransport(), ${MAX_SERVER_CONNECTIONS}) as EngineClient builds it for the plugin's parent side`,
      naive: "the same fetch transport without a limit (what a client sending every job at once does)",
      eventLoop: "monitorEventLoopDelay, 1 ms resolution, over the run (an idle loop reads about 1 ms); medians of p99 over the repeats, max over all",
      repeats: REPEATS,
    },
    idleEventLoopP99Ms: round(idle),
    budget: { eventLoopP99Ms: P99_BUDGET_MS, connections: MAX_SERVER_CONNECTIONS },
    withinBudget: ours.every((r) => r.eventLoopP99Ms <= P99_BUDGET_MS && r.connections <= MAX_SERVER_CONNECTIONS),
    rows,
  });
}

const round = (value: number) => Math.round(value * 10) / 10;

if (process.argv[2] === "--serve") serveLikeSpeaches(Number(process.argv[3]));
else
  main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
