/** The Sprint dashboard's generated section: plain Markdown tables, Mermaid charts, Dataview blocks. */
import { areaStatusKey, type DashboardIndex, type SprintStats } from "./dashboard-index";
import { entryLink } from "./facts";
import { dataviewBlock, pieChart, round, shortDay, table, xyChart } from "./markdown";
import { mergeEvents } from "./events";
import { backlogQuery, metricsTrendQuery, moodQuery, retrospectivesQuery, sprintByAreaQuery, sprintEntriesQuery } from "./queries";
import { dashboardLabels, type DashboardSettings, type RenderSection } from "./settings";
import { sprintByNumber, sprintDays, sprintNumberOf, type Sprint } from "./sprint";

const STATUSES = ["Processed", "In Progress", "Not Processed", "Error"] as const;

function sprintName(sprint: Sprint): string {
  return `${sprint.number}`;
}

function overview(index: DashboardIndex, shown: Sprint[], currentNumber: number, settings: DashboardSettings): string {
  const l = dashboardLabels(settings.language);
  const rows = shown.map((sprint) => {
    const stats = index.sprintStats(sprint.number);
    const name = sprint.number === currentNumber ? `**${sprintName(sprint)}** (${l.current})` : sprintName(sprint);
    const areas = stats ? stats.byArea.ranked().slice(0, 3).map(([a, n]) => `${a} ${n}`).join(", ") : "";
    return [name, `${sprint.start} → ${sprint.end}`, stats?.entries ?? 0, ...STATUSES.map((s) => stats?.byStatus.get(s) ?? 0), areas];
  });
  return table([l.sprint, l.dates, l.entries, ...STATUSES, l.byArea], rows);
}

function byArea(stats: SprintStats | undefined, settings: DashboardSettings): string {
  const l = dashboardLabels(settings.language);
  if (!stats) return l.none;
  const areas = stats.byArea.ranked();
  const rows = areas.map(([area, n]) => [area, n, ...STATUSES.map((s) => stats.byAreaStatus.get(areaStatusKey(area, s)))]);
  return [table([l.area, l.entries, ...STATUSES], rows), "", pieChart(l.byArea, areas)].join("\n");
}

function dailyActivity(index: DashboardIndex, sprint: Sprint, settings: DashboardSettings): string {
  const l = dashboardLabels(settings.language);
  const days = sprintDays(sprint);
  const counts = days.map((d) => index.daily.get(d));
  return [
    xyChart({ title: `${l.activity} — ${l.sprint} ${sprint.number}`, xLabels: days.map(shortDay), yLabel: l.entries, bars: counts }),
    "",
    table([l.day, l.entries], days.filter((_, i) => counts[i] > 0).map((d) => [d, index.daily.get(d)])),
  ].join("\n");
}

function mood(stats: SprintStats | undefined, settings: DashboardSettings): string | undefined {
  const l = dashboardLabels(settings.language);
  const emotions = stats?.byEmotion.ranked() ?? [];
  if (emotions.length === 0) return undefined;
  return [table([l.emotion, l.entries], emotions), "", pieChart(l.mood, emotions)].join("\n");
}

function metricsOverTime(index: DashboardIndex, shown: Sprint[], settings: DashboardSettings): string | undefined {
  const l = dashboardLabels(settings.language);
  const average = (stats: SprintStats | undefined, key: string) => {
    const count = stats?.metricCounts.get(key) ?? 0;
    return count > 0 ? round(stats!.metricSums.get(key) / count) : undefined;
  };
  const keys = settings.metricKeys.filter((k) => shown.some((s) => average(index.sprintStats(s.number), k) !== undefined));
  if (keys.length === 0) return undefined;
  const rows = shown.map((s) => [sprintName(s), ...keys.map((k) => average(index.sprintStats(s.number), k))]);
  const chartKey = keys[0];
  const withValue = shown.filter((s) => average(index.sprintStats(s.number), chartKey) !== undefined);
  const parts = [table([l.sprint, ...keys.map((k) => `${k} (avg)`)], rows)];
  if (withValue.length > 1) {
    parts.push("", xyChart({
      title: `${chartKey} — ${l.metrics}`,
      xLabels: withValue.map((s) => `${l.sprint} ${s.number}`),
      yLabel: chartKey,
      line: withValue.map((s) => average(index.sprintStats(s.number), chartKey) as number),
    }));
  }
  return parts.join("\n");
}

/**
 * The sprint shown as current: the one of the newest entry (or sprint 1 before any entry), not
 * today's, so the note does not change when only the date moves; Dataview blocks show "today" live.
 */
export function currentSprintDay(index: DashboardIndex, settings: DashboardSettings): string {
  return index.latestDay() ?? settings.sprintFirstDay;
}

/** The generated Markdown of the Sprint dashboard. */
export const renderSprintSection: RenderSection = (index, settings, headingForLink) => {
  const l = dashboardLabels(settings.language);
  const scope = { logFolder: settings.logFolder, labels: l };
  const currentNumber = sprintNumberOf(currentSprintDay(index, settings), settings);
  const current = sprintByNumber(currentNumber, settings);
  const past = index.sprintNumbers().filter((n) => n < currentNumber).slice(-settings.pastSprints);
  const shown = [...past.map((n) => sprintByNumber(n, settings)), current].reverse();
  const stats = index.sprintStats(currentNumber);
  const backlog = index.newestBacklog(settings.listLimit);
  // One line per meeting, however many recordings and photos it left.
  const retros = mergeEvents(index.newestRetrospectives(Number.MAX_SAFE_INTEGER)).slice(0, settings.listLimit);
  const sections: string[] = [
    `## ${l.overview}`, overview(index, shown, currentNumber, settings),
    `## ${l.sprint} ${current.number} (${current.start} → ${current.end}) — ${l.byArea}`, byArea(stats, settings),
    `## ${l.activity}`, dailyActivity(index, current, settings),
    `## ${l.backlog} (${index.backlogSize()})`,
    backlog.length ? table([l.entry, l.status, l.area, l.error], backlog.map((f) => [entryLink(f, headingForLink), f.status, f.area, f.error])) : l.none,
  ];
  const moodSection = mood(stats, settings);
  if (moodSection) sections.push(`## ${l.mood}`, moodSection);
  const metrics = metricsOverTime(index, [...shown].reverse(), settings);
  if (metrics) sections.push(`## ${l.metrics}`, metrics);
  sections.push(`## ${l.retros}`, retros.length ? retros.map((f) => `- ${entryLink(f, headingForLink)} (${f.day})`).join("\n") : l.none);
  sections.push(
    `## ${l.live}`,
    dataviewBlock(sprintEntriesQuery(scope, current)),
    dataviewBlock(sprintByAreaQuery(scope, current)),
    dataviewBlock(backlogQuery(scope)),
    dataviewBlock(moodQuery(scope, current)),
    dataviewBlock(metricsTrendQuery(scope, settings.metricKeys)),
    dataviewBlock(retrospectivesQuery(scope)),
  );
  return sections.join("\n\n");
};

/** Every Dataview query the Sprint dashboard embeds when its current sprint holds `day`, for tests and docs. */
export function sprintDashboardQueries(settings: DashboardSettings, day: string): string[] {
  const scope = { logFolder: settings.logFolder, labels: dashboardLabels(settings.language) };
  const current = sprintByNumber(sprintNumberOf(day, settings), settings);
  return [
    sprintEntriesQuery(scope, current), sprintByAreaQuery(scope, current), backlogQuery(scope),
    moodQuery(scope, current), metricsTrendQuery(scope, settings.metricKeys), retrospectivesQuery(scope),
  ];
}
