import { mergeEvents } from "../../../src/core/dashboards/events";
import type { EntryFacts } from "../../../src/core/dashboards/facts";

const facts = (date: string, extra: Partial<EntryFacts> = {}): EntryFacts => ({
  note: "Logs/2025-10-15.md",
  day: date.slice(0, 10),
  date,
  title: `entry ${date}`,
  status: "Processed",
  area: "DevOps",
  metrics: {},
  type: "deployment",
  ...extra,
});

describe("deployments and retrospectives as events", () => {
  test("a rollback photographed and recorded minutes apart is one rollback", () => {
    const newestFirst = [
      facts("2025-10-15T14:15", { environment: "production", outcome: "rollback", metrics: { latency_ms: 300 } }),
      facts("2025-10-15T14:12", { environment: "production", outcome: "failure", services: "hotel-audio-api" }),
    ];
    expect(mergeEvents(newestFirst)).toEqual([
      expect.objectContaining({ date: "2025-10-15T14:12", environment: "production", outcome: "rollback", services: "hotel-audio-api", metrics: { latency_ms: 300 } }),
    ]);
  });

  test("different environments, outcomes far apart in time, or other notes stay separate", () => {
    const newestFirst = [
      facts("2025-10-15T16:30", { environment: "production", outcome: "success" }),
      facts("2025-10-15T11:03", { environment: "staging", outcome: "success" }),
      facts("2025-10-15T11:00", { environment: "staging" }),
      facts("2025-10-15T10:50", { environment: "production", outcome: "success" }),
      facts("2025-10-14T10:50", { note: "Logs/2025-10-14.md", environment: "staging", outcome: "success" }),
    ];
    const events = mergeEvents(newestFirst);
    expect(events.map((e) => `${e.date} ${e.environment}/${e.outcome}`)).toEqual([
      "2025-10-15T16:30 production/success",
      "2025-10-15T11:00 staging/success",
      "2025-10-15T10:50 production/success",
      "2025-10-14T10:50 staging/success",
    ]);
  });
});
