import { DashboardRenderer, renderDashboards } from "../../../src/core/dashboards/render";
import { DEFAULT_DASHBOARD_SETTINGS, type DashboardSettings } from "../../../src/core/dashboards/settings";
import { END_MARKER, START_MARKER } from "../../../src/core/dashboards/markers";
import { CALENDAR, entry, sampleVault } from "./fixtures";

const settings: DashboardSettings = { ...DEFAULT_DASHBOARD_SETTINGS, ...CALENDAR };

describe("Sprint dashboard", () => {
  const { sprint } = renderDashboards(sampleVault(), settings, { sprint: "# Sprint\n\nMis notas de la semana.\n" });

  test("user text outside the markers is kept", () => {
    expect(sprint.startsWith("# Sprint\n\nMis notas de la semana.\n\n" + START_MARKER)).toBe(true);
    expect(sprint.trimEnd().endsWith(END_MARKER)).toBe(true);
  });

  test("current and past sprints with entries by status", () => {
    expect(sprint).toContain("| **2** (actual) | 2025-07-21 → 2025-08-03 | 7 | 3 | 2 | 1 | 1 |");
    expect(sprint).toContain("| 1 | 2025-07-07 → 2025-07-20 | 2 | 2 | 0 | 0 | 0 |");
  });

  test("entries by area and status in the current sprint, with a pie chart", () => {
    expect(sprint).toContain("| DevOps | 2 | 2 | 0 | 0 | 0 |");
    expect(sprint).toContain("| Team Management | 1 | 0 | 0 | 1 | 0 |");
    expect(sprint).toMatch(/```mermaid\npie title Por área\n {4}"DevOps" : 2/);
  });

  test("backlog of Not Processed / Error entries links to their headings, newest first", () => {
    const backlog = sprint.slice(sprint.indexOf("## Pendientes"), sprint.indexOf("## Estado de ánimo"));
    expect(backlog).toContain("(2)");
    const rows = backlog.split("\n").filter((l) => l.startsWith("| [["));
    expect(rows[0]).toBe("| [[Log/2025-07-31#09 10 Entrada 09 10\\|09:10 Entrada 09:10]] | Error | Technical | Whisper model missing |");
    expect(rows[1]).toContain("[[Log/2025-07-30#17 45 reunión de retrospectiva del sprint\\|17:45 reunión de retrospectiva del sprint]] | Not Processed");
  });

  test("daily activity chart covers every day of the sprint", () => {
    expect(sprint).toContain('x-axis ["07-21", "07-22"');
    expect(sprint).toContain("bar [0, 0, 0, 0, 0, 0, 0, 0, 0, 5, 2, 0, 0, 0]");
  });

  test("mood, metrics over time and retrospectives", () => {
    expect(sprint).toContain("| satisfacción | 1 |");
    expect(sprint).toContain("| 1 | 325 |"); // sprint 1: (240 + 410) / 2
    expect(sprint).toContain("- [[Log/2025-07-30#17 45 reunión de retrospectiva del sprint|17:45 reunión de retrospectiva del sprint]] (2025-07-30)");
  });

  test("no mood section without emotion fields", () => {
    const calm = renderDashboards(new Map([["Log/d.md", [entry("2025-07-30T10:00")]]]), settings, {}).sprint;
    expect(calm).not.toContain("## Estado de ánimo");
  });

  test("English labels", () => {
    const english = renderDashboards(sampleVault(), { ...settings, language: "en" }, {}).sprint;
    expect(english).toContain("## Backlog (Not Processed / Error) (2)");
    expect(english).toContain("| **2** (current) |");
  });
});

describe("Deployments dashboard", () => {
  const { deployments } = renderDashboards(sampleVault(), settings, {});

  test("outcomes per environment", () => {
    expect(deployments).toContain("| production | 2 | 1 | 0 | 1 | 0 |");
    expect(deployments).toContain("| staging | 1 | 1 | 0 | 0 | 0 |");
  });

  test("each deployment with services and figures", () => {
    expect(deployments).toContain("| 2025-07-30 15:30 | [[Log/2025-07-30#15 30 deploy del sistema en ambiente de staging\\|15:30 deploy del sistema en ambiente de staging]] | staging | ✅ success | whisper-api, emotion-detector, audio-processor | 180 |  | 500 req concurrent, 500 req/min, 6 replicas | 99.9 |");
    expect(deployments).toContain("| production | ↩️ rollback | whisper-api | 410 |");
  });

  test("a timeline in date order", () => {
    expect(deployments).toMatch(/timeline\n {4}title Despliegues\n {4}2025-07-16 : ↩️ production Deploy a producción\n {4}2025-07-30 : ✅ staging/);
  });
});

describe("incremental updates", () => {
  test("adding, changing and removing a note equals a full regeneration", () => {
    const vault = sampleVault();
    const renderer = new DashboardRenderer(settings);
    for (const [path, entries] of vault) renderer.setNote(path, entries);

    const added = [entry("2025-08-01T08:00", { status: "Not Processed", fields: { emotion: "cansancio", latency_ms: "99" } })];
    renderer.setNote("Log/2025-08-01.md", added);
    vault.set("Log/2025-08-01.md", added);
    const changed = [entry("2025-07-31T09:10", { status: "Processed" })];
    renderer.setNote("Log/2025-07-31.md", changed);
    vault.set("Log/2025-07-31.md", changed);
    renderer.removeNote("Log/2025-07-16.md");
    vault.delete("Log/2025-07-16.md");

    const incremental = renderer.render({ sprint: "x", deployments: "y" });
    expect(incremental).toEqual(renderDashboards(vault, settings, { sprint: "x", deployments: "y" }));
    expect(incremental.sprint).not.toContain("| 1 | 2025-07-07"); // sprint 1 emptied
    expect(incremental.sprint).toContain("| cansancio | 1 |");
  });

  test("setting the same note twice does not double count", () => {
    const renderer = new DashboardRenderer(settings);
    const entries = [entry("2025-07-30T10:00"), entry("2025-07-30T11:00", { status: "Error" })];
    renderer.setNote("Log/a.md", entries);
    renderer.setNote("Log/a.md", entries);
    expect(renderer.render({}).sprint).toContain("| **2** (actual) | 2025-07-21 → 2025-08-03 | 2 | 1 | 0 | 0 | 1 |");
  });
});

test("heading links can use Obsidian's own stripHeadingForLink", () => {
  const strip = (heading: string) => heading.replace(/:/g, "").toUpperCase();
  const { sprint } = renderDashboards(sampleVault(), settings, {}, { headingForLink: strip });
  expect(sprint).toContain("[[Log/2025-07-31#0910 ENTRADA 0910\\|09:10 Entrada 09:10]]");
});
