/**
 * Every Dataview query Bitácora generates or documents parses with the obsidian-dataview
 * package's own query grammar (QUERY_LANGUAGE), and reads entry-level fields (`L.…`).
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { deploymentsDashboardQueries } from "../../../src/core/dashboards/deployments-dashboard";
import { renderDashboards } from "../../../src/core/dashboards/render";
import { DEFAULT_DASHBOARD_SETTINGS, type DashboardSettings } from "../../../src/core/dashboards/settings";
import { sprintDashboardQueries } from "../../../src/core/dashboards/sprint-dashboard";
import { parseDataviewQuery } from "./dataview-parser";
import { CALENDAR, sampleVault } from "./fixtures";

const dataviewBlocks = (markdown: string) => [...markdown.matchAll(/```dataview\n([\s\S]*?)\n```/g)].map((m) => m[1]);

interface ParsedQuery {
  header: { type: string };
  source: { type: string; folder?: string };
  operations: Array<{ type: string }>;
}

const variants: Array<[string, DashboardSettings]> = [
  ["Spanish, Log folder", { ...DEFAULT_DASHBOARD_SETTINGS, ...CALENDAR }],
  ["English, whole vault", { ...DEFAULT_DASHBOARD_SETTINGS, ...CALENDAR, language: "en", logFolder: "" }],
  ["folder with quotes and custom metrics", { ...DEFAULT_DASHBOARD_SETTINGS, ...CALENDAR, logFolder: 'Diario "equipo"/Log', metricKeys: ["latency_ms", "gpu_memory_gb", "bad key!"] }],
];

describe.each(variants)("dashboard queries (%s)", (_name, settings) => {
  const notes = renderDashboards(sampleVault(), settings, {});
  const embedded = [...dataviewBlocks(notes.sprint), ...dataviewBlocks(notes.deployments)];

  test("the dashboards embed exactly the queries they declare", () => {
    expect(embedded).toEqual([...sprintDashboardQueries(settings, "2025-07-31"), ...deploymentsDashboardQueries(settings)]);
    expect(embedded.length).toBe(7);
  });

  test.each(embedded.map((q, i) => [i, q]))("query %i parses with Dataview's parser", (_i, query) => {
    const parsed = parseDataviewQuery(query as string) as ParsedQuery;
    expect(parsed.header.type).toBe("table");
    expect(parsed.operations.map((o) => o.type)[0]).toBe("flatten");
    if (settings.logFolder) expect(parsed.source).toEqual({ type: "folder", folder: settings.logFolder });
  });
});

describe("docs/retrospectives.md", () => {
  const doc = readFileSync(path.resolve(__dirname, "../../../docs/retrospectives.md"), "utf8");
  const seedPart = doc.indexOf("# Seed lines: page-level queries");
  const listQueries = dataviewBlocks(doc.slice(0, seedPart));
  const seedQueries = dataviewBlocks(doc.slice(seedPart));

  test("has ready queries by sprint, area, mood, unprocessed and metrics trend, for both entry styles", () => {
    for (const heading of ["## By sprint", "## By area", "## By mood", "## Unprocessed and failed", "## Metrics trend"]) {
      expect(doc).toContain(heading);
    }
    expect(seedPart).toBeGreaterThan(0);
    expect(listQueries.length).toBeGreaterThanOrEqual(10);
    expect(seedQueries.length).toBeGreaterThanOrEqual(6);
    // It says plainly what seed lines cannot answer in live Dataview.
    expect(doc).toMatch(/combines two fields of one entry.*\*\*No\*\*/);
  });

  test.each(listQueries.map((q, i) => [i, q.split("\n")[0]]))("list-item query %i (%s…) parses with Dataview's parser", (i) => {
    const parsed = parseDataviewQuery(listQueries[i as number]) as ParsedQuery;
    expect(["table", "list"]).toContain(parsed.header.type);
    expect(listQueries[i as number]).toContain("FLATTEN file.lists AS L");
  });

  test.each(seedQueries.map((q, i) => [i, q.split("\n")[0]]))("seed-line query %i (%s…) parses with Dataview's parser and reads page-level fields", (i) => {
    const parsed = parseDataviewQuery(seedQueries[i as number]) as ParsedQuery;
    expect(["table", "list"]).toContain(parsed.header.type);
    expect(parsed.source).toEqual({ type: "folder", folder: "Logs" });
    expect(seedQueries[i as number]).not.toContain("file.lists");
  });
});

test("the parser really rejects broken queries (the checks above are not vacuous)", () => {
  expect(() => parseDataviewQuery('TABLE L.status FROM "Log" FLATTEN file.lists AS L WHERE L.status = "Error" SORT')).toThrow();
  expect(() => parseDataviewQuery("TABLE WITHOUT ID key AS Área, FROM")).toThrow();
  expect(() => parseDataviewQuery('TABLE L.date FROM "Log" WHERE L.date >= date("2025-07-21") AND')).toThrow();
});
