import { cpus, release, totalmem, type as osType } from "node:os";

/** What the numbers were measured on (the same block in every bench result). */
export function machineInfo() {
  return {
    cpu: cpus()[0]?.model ?? "unknown",
    cores: cpus().length,
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    os: `${osType().toLowerCase()} ${release()}`,
    node: process.version,
    note: "2 cores shared with other engineers' processes; runs are serialised with flock /tmp/bitacora-bench.lock",
  };
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}
