/** Log entries for dashboard tests: seed 000's day (enriched from its own text) plus a few other days. */
import { activityFields } from "../../../src/core/enrich/activity";
import { extractMetricFields } from "../../../src/core/enrich/metrics";
import type { LogEntry } from "../../../src/core/log/entry";
import { seedEntries } from "../enrich/seed-log";

export function seedDay(): LogEntry[] {
  return seedEntries().map((s) => ({
    attachment: `Adjuntos/${s.time.replace(":", "")}.m4a`,
    kind: "audio",
    date: s.date.replace(" ", "T"),
    title: s.title,
    status: s.status as LogEntry["status"],
    area: s.area,
    fields: { ...extractMetricFields(s.body), ...activityFields(`${s.title}\n${s.body}`) },
    topics: [],
  }));
}

export function entry(date: string, overrides: Partial<LogEntry> = {}): LogEntry {
  return {
    attachment: `Adjuntos/${date.replace(/[-:T]/g, "")}.jpg`,
    kind: "image",
    date,
    title: `Entrada ${date.slice(11)}`,
    status: "Processed",
    area: "Technical",
    fields: {},
    topics: [],
    ...overrides,
  };
}

/** Day notes keyed by path, like the adapter would hold them. */
export function sampleVault(): Map<string, LogEntry[]> {
  return new Map<string, LogEntry[]>([
    ["Log/2025-07-16.md", [
      entry("2025-07-16T10:00", { fields: { latency_ms: "240", emotion: "frustración" } }),
      entry("2025-07-16T16:00", { title: "Deploy a producción", area: "DevOps", fields: { type: "deployment", environment: "production", outcome: "rollback", services: "whisper-api", latency_ms: "410" } }),
    ]],
    ["Log/2025-07-30.md", seedDay()],
    ["Log/2025-07-31.md", [
      entry("2025-07-31T09:10", { status: "Error", error: "Whisper model missing", fields: { emotion: "satisfacción" } }),
      entry("2025-07-31T12:00", { title: "Deploy a producción", area: "DevOps", fields: { type: "deployment", environment: "production", outcome: "success", services: "whisper-api, emotion-detector", latency_ms: "170", uptime_pct: "99.95" } }),
    ]],
  ]);
}

/** Sprints of 14 days starting Monday 2025-07-07: sprint 2 = 07-21..08-03, sprint 1 = 07-07..07-20. */
export const CALENDAR = { sprintLengthDays: 14, sprintFirstDay: "2025-07-07" };
