import { createHash, type Hash } from "node:crypto";
import { createReadStream, createWriteStream } from "node:fs";
import { mkdir, rename, rm, stat } from "node:fs/promises";
import http, { type IncomingMessage } from "node:http";
import https from "node:https";
import path from "node:path";
import { proxyFor, tunnelThrough, viaHttpProxy } from "./proxy";

export type DownloadErrorCode = "permission" | "disk-full" | "checksum" | "size" | "network" | "http" | "cancelled";

/** A download failure with a code the UI can act on and a message a user can read. */
export class ModelDownloadError extends Error {
  constructor(readonly code: DownloadErrorCode, message: string) {
    super(message);
    this.name = "ModelDownloadError";
  }
}

export interface DownloadRequest {
  url: string;
  /** Final path; bytes go to `<destPath>.part` first and are renamed only once verified. */
  destPath: string;
  sha256?: string;
  sha1?: string;
  sizeBytes?: number;
  signal?: AbortSignal;
  onProgress?: (receivedBytes: number, totalBytes: number | undefined) => void;
  /** No byte for this long fails the attempt (the partial file is kept for a resume). */
  stallTimeoutMs?: number;
  /** Where HTTPS_PROXY, HTTP_PROXY and NO_PROXY are read (default: this process's environment). */
  env?: NodeJS.ProcessEnv;
  /** Extra trusted certificates (PEM), e.g. a company proxy's own CA. */
  ca?: string;
}

export interface DownloadResult {
  path: string;
  bytes: number;
  sha256: string;
  /** Bytes that were already on disk from an interrupted attempt. */
  resumedFrom: number;
}

const MAX_REDIRECTS = 5;

/**
 * Downloads a model with resume: an interrupted download leaves `<dest>.part`, and the next
 * call asks only for the missing bytes (HTTP Range). The whole file is checked against its
 * SHA-256 (or the official SHA-1 when no SHA-256 is published) before an atomic rename.
 */
export async function downloadModelFile(request: DownloadRequest): Promise<DownloadResult> {
  const partPath = `${request.destPath}.part`;
  await ensureFolder(path.dirname(request.destPath));
  let offset = await sizeOf(partPath);
  if (request.sizeBytes !== undefined && offset > request.sizeBytes) {
    await rm(partPath, { force: true });
    offset = 0;
  }

  const sha256 = createHash("sha256");
  const sha1 = createHash("sha1");
  if (offset > 0) await hashExisting(partPath, [sha256, sha1]);

  let received = offset;
  const resumedFrom = offset;
  if (request.sizeBytes === undefined || offset < request.sizeBytes) {
    const response = await openResponse(request.url, offset, request);
    let total = contentTotal(response, offset);
    if (offset > 0 && response.statusCode === 200) {
      // The server ignored the Range header: start over from byte 0.
      response.destroy();
      await rm(partPath, { force: true });
      return downloadModelFile(request);
    }
    if (response.statusCode === 416) {
      response.resume();
      total = offset;
    } else {
      received = await writeBody(response, partPath, offset, [sha256, sha1], total, request);
    }
  }

  if (request.sizeBytes !== undefined && received !== request.sizeBytes) {
    await rm(partPath, { force: true });
    throw new ModelDownloadError("size", `The downloaded file has ${received} bytes but ${request.sizeBytes} were expected. It was removed; try again.`);
  }
  const actual256 = sha256.digest("hex");
  const actual1 = sha1.digest("hex");
  const mismatch =
    (request.sha256 && request.sha256.toLowerCase() !== actual256) || (!request.sha256 && request.sha1 && request.sha1.toLowerCase() !== actual1);
  if (mismatch) {
    await rm(partPath, { force: true });
    throw new ModelDownloadError(
      "checksum",
      `The downloaded file's checksum does not match the published one (got SHA-256 ${actual256}). It was removed; try again, or check the network for a proxy that alters files.`,
    );
  }
  try {
    await rename(partPath, request.destPath);
  } catch (error) {
    throw fileError(error, request.destPath);
  }
  return { path: request.destPath, bytes: received, sha256: actual256, resumedFrom };
}

function openResponse(url: string, offset: number, request: DownloadRequest, redirects = 0): Promise<IncomingMessage> {
  if (request.signal?.aborted) return Promise.reject(new ModelDownloadError("cancelled", "Download cancelled."));
  return new Promise((resolve, reject) => {
    const target = new URL(url);
    const client = target.protocol === "http:" ? http : https;
    const headers: Record<string, string> = { "user-agent": "bitacora-obsidian" };
    if (offset > 0) headers.range = `bytes=${offset}-`;
    let proxy: URL | undefined;
    try {
      proxy = proxyFor(target, request.env);
    } catch (error) {
      return reject(new ModelDownloadError("network", (error as Error).message));
    }
    const routing: http.RequestOptions & { ca?: string } =
      !proxy ? {} : target.protocol === "http:" ? viaHttpProxy(target, proxy) : { createConnection: tunnelThrough(target, proxy, request.signal) as never };
    const options = { ...routing, headers: { ...headers, ...routing.headers }, signal: request.signal, ...(request.ca ? { ca: request.ca } : {}) };
    const req = proxy && target.protocol === "http:" ? http.get(options, onResponse) : client.get(target, options, onResponse);
    function onResponse(response: IncomingMessage) {
      const status = response.statusCode ?? 0;
      if (status >= 300 && status < 400 && response.headers.location) {
        response.resume();
        if (redirects >= MAX_REDIRECTS) return reject(new ModelDownloadError("http", `Too many redirects while downloading ${url}.`));
        return resolve(openResponse(new URL(response.headers.location, target).toString(), offset, request, redirects + 1));
      }
      if (status === 200 || status === 206 || status === 416) return resolve(response);
      response.resume();
      reject(new ModelDownloadError("http", `The server answered HTTP ${status} for ${url}.`));
    }
    req.setTimeout(request.stallTimeoutMs ?? 30000, () => req.destroy(new Error("no answer from the server")));
    req.on("error", (error) => reject(networkError(error, request.signal)));
  });
}

function writeBody(
  response: IncomingMessage,
  partPath: string,
  offset: number,
  hashes: Hash[],
  total: number | undefined,
  request: DownloadRequest,
): Promise<number> {
  return new Promise((resolve, reject) => {
    let received = offset;
    let settled = false;
    const out = createWriteStream(partPath, { flags: offset > 0 ? "a" : "w" });
    const fail = (error: ModelDownloadError, fileBroken = false) => {
      if (settled) return;
      settled = true;
      response.destroy();
      out.once("close", () => reject(error));
      // Keep what arrived (flush the buffered bytes): the next attempt resumes from there.
      if (fileBroken) out.destroy();
      else out.end();
    };
    response.setTimeout(request.stallTimeoutMs ?? 30000, () => fail(new ModelDownloadError("network", "The download stalled; try again to resume it.")));
    response.on("data", (chunk: Buffer) => {
      for (const hash of hashes) hash.update(chunk);
      received += chunk.length;
      if (!out.write(chunk)) response.pause();
      request.onProgress?.(received, total);
    });
    out.on("drain", () => response.resume());
    out.on("error", (error) => fail(fileError(error, partPath), true));
    response.on("error", (error) => fail(networkError(error, request.signal)));
    response.on("aborted", () => fail(networkError(new Error("connection closed early"), request.signal)));
    response.on("end", () => {
      if (total !== undefined && received < total) {
        return fail(new ModelDownloadError("network", `The connection closed after ${received} of ${total} bytes; try again to resume it.`));
      }
      out.end(() => {
        if (settled) return;
        settled = true;
        resolve(received);
      });
    });
  });
}

function contentTotal(response: IncomingMessage, offset: number): number | undefined {
  const range = /\/(\d+)\s*$/.exec(String(response.headers["content-range"] ?? ""));
  if (range) return Number(range[1]);
  const length = Number(response.headers["content-length"]);
  return Number.isFinite(length) && response.headers["content-length"] !== undefined ? length + (response.statusCode === 206 ? offset : 0) : undefined;
}

async function hashExisting(filePath: string, hashes: Hash[]): Promise<void> {
  for await (const chunk of createReadStream(filePath)) for (const hash of hashes) hash.update(chunk as Buffer);
}

async function sizeOf(filePath: string): Promise<number> {
  try {
    const info = await stat(filePath);
    return info.isFile() ? info.size : 0;
  } catch {
    return 0;
  }
}

async function ensureFolder(folder: string): Promise<void> {
  try {
    await mkdir(folder, { recursive: true });
  } catch (error) {
    throw fileError(error, folder);
  }
}

function fileError(error: unknown, where: string): ModelDownloadError {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === "ENOSPC" || code === "EDQUOT") {
    return new ModelDownloadError("disk-full", `The disk is full while writing ${where}. Free some space and try again; the download resumes where it stopped.`);
  }
  if (code === "EACCES" || code === "EPERM" || code === "EROFS" || code === "ENOTDIR" || code === "EEXIST" || code === "EISDIR") {
    return new ModelDownloadError("permission", `Bitácora cannot write to ${where} (${code}). Choose a models folder you can write to.`);
  }
  return new ModelDownloadError("network", `Could not write ${where}: ${(error as Error).message}`);
}

function networkError(error: unknown, signal?: AbortSignal): ModelDownloadError {
  if (error instanceof ModelDownloadError) return error;
  if (signal?.aborted) return new ModelDownloadError("cancelled", "Download cancelled; it resumes where it stopped next time.");
  return new ModelDownloadError("network", `The download was interrupted (${(error as Error).message}); try again to resume it.`);
}
