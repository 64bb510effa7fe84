import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { DashboardIndex } from "../../../src/core/dashboards/dashboard-index";
import { entryLink } from "../../../src/core/dashboards/facts";
import { labelsFor } from "../../../src/core/log/labels";
import { parseLogNote } from "../../../src/core/log/parse-log-note";
import { upsertEntry } from "../../../src/core/log/upsert-entry";
import { CALENDAR } from "./fixtures";

const SEEDS = path.join(__dirname, "../../../../shared/seeds");
const seed000 = readFileSync(path.join(SEEDS, readdirSync(SEEDS).find((name) => name.startsWith("000_"))!), "utf8");
const entriesOf = (text: string) => parseLogNote(text).entries.map((p) => p.entry);

describe("dashboards count entries the user wrote by hand in seed style", () => {
  test("seed 000's five entries count with their statuses and areas; a new screenshot makes six", () => {
    const index = new DashboardIndex(CALENDAR);
    index.setNote("Logs/2025-07-30.md", entriesOf(seed000));
    expect(index.daily.get("2025-07-30")).toBe(5);
    const sprint = index.sprintNumbers().map((n) => index.sprintStats(n)!)[0];
    expect(Object.fromEntries(sprint.byStatus.counts)).toEqual({ Processed: 2, "In Progress": 2, "Not Processed": 1 });
    expect(sprint.byArea.ranked().map(([area]) => area).sort()).toEqual(["Data Collection", "DevOps", "Quality Assurance", "Team Management", "Technical"]);
    expect(index.newestBacklog(10).map((f) => f.date)).toEqual(["2025-07-30T17:45"]);
    // A seed line is not a heading: the dashboard links the entry's day note.
    expect(entryLink(index.newestBacklog(1)[0])).toBe("[[Logs/2025-07-30|17:45 reunión de retrospectiva del sprint]]");

    const screenshot = {
      attachment: "Attachments/Screenshot 2025-07-30 at 16.00.00.png",
      kind: "image" as const,
      date: "2025-07-30T16:00",
      title: "captura",
      status: "Processed" as const,
      area: "DevOps",
      fields: { latency_ms: "180" },
      topics: [],
    };
    index.setNote("Logs/2025-07-30.md", entriesOf(upsertEntry(seed000, screenshot, labelsFor("es"))));
    expect(index.daily.get("2025-07-30")).toBe(6);
  });

  test("seed dates `2025-07-20 23:30` are local times: the entry counts on that day, whatever the time zone", () => {
    const note = "# Log\n\n23:30 cierre\nstatus:: Processed\narea:: DevOps\ndate:: 2025-07-20 23:30\nlatency_ms:: 200\n\n---\n\n## 23:45 otra\n- [status:: Error] [area:: Technical] [date:: 2025-07-20T23:45]\n";
    const index = new DashboardIndex(CALENDAR);
    index.setNote("Logs/2025-07-20.md", entriesOf(note));
    expect(index.daily.get("2025-07-20")).toBe(2);
    expect(index.daily.get("2025-07-21")).toBe(0);
    const stats = index.sprintStats(index.sprintNumbers()[0])!;
    expect(stats.metricSums.get("latency_ms")).toBe(200);
    expect(index.newestBacklog(10).map((f) => f.date)).toEqual(["2025-07-20T23:45"]);
    expect(entryLink(index.newestBacklog(1)[0])).toBe("[[Logs/2025-07-20#23 45 otra|23:45 otra]]");
  });
});
