/** The Deployments dashboard's generated section: outcomes per environment, table, timeline, latency. */
import { mergeEvents } from "./events";
import { entryLink, type EntryFacts } from "./facts";
import { dataviewBlock, shortDay, table, timelineChart, xyChart } from "./markdown";
import { deploymentsQuery } from "./queries";
import { dashboardLabels, type DashboardSettings, type RenderSection } from "./settings";

const OUTCOME_ICON: Record<string, string> = { success: "✅", failure: "❌", rollback: "↩️" };
const OUTCOMES = ["success", "failure", "rollback", "—"];

function capacity(f: EntryFacts): string {
  const m = f.metrics;
  const parts: string[] = [];
  if (m.concurrent_requests !== undefined) parts.push(`${m.concurrent_requests} req concurrent`);
  if (m.requests_per_min !== undefined) parts.push(`${m.requests_per_min} req/min`);
  if (m.requests_per_s !== undefined) parts.push(`${m.requests_per_s} req/s`);
  if (m.concurrent_users !== undefined) parts.push(`${m.concurrent_users} users`);
  if (m.replicas !== undefined) parts.push(`${m.replicas} replicas`);
  return parts.join(", ");
}

function summary(deployments: readonly EntryFacts[], settings: DashboardSettings): string {
  const l = dashboardLabels(settings.language);
  const environments = [...new Set(deployments.map((d) => d.environment ?? "—"))].sort();
  const rows = environments.map((env) => {
    const inEnv = deployments.filter((d) => (d.environment ?? "—") === env);
    return [env, inEnv.length, ...OUTCOMES.map((o) => inEnv.filter((d) => (d.outcome ?? "—") === o).length)];
  });
  return table([l.environment, l.deployments, ...OUTCOMES], rows);
}

/** The generated Markdown of the Deployments dashboard. */
export const renderDeploymentsSection: RenderSection = (index, settings, headingForLink) => {
  const l = dashboardLabels(settings.language);
  // One row per deployment, not per attachment that shows it.
  const all = mergeEvents(index.allDeployments());
  const recent = all.slice(0, settings.listLimit);
  const sections: string[] = [`## ${l.deployments} (${all.length})`];
  if (all.length === 0) {
    sections.push(l.none);
  } else {
    sections.push(summary(all, settings));
    sections.push(table(
      [l.date, l.entry, l.environment, l.outcome, l.services, "latency_ms", "p95_ms", "capacity", "uptime_pct"],
      recent.map((f) => [
        f.date.replace("T", " "), entryLink(f, headingForLink), f.environment ?? "", f.outcome ? `${OUTCOME_ICON[f.outcome] ?? ""} ${f.outcome}` : "",
        f.services ?? "", f.metrics.latency_ms, f.metrics.latency_p95_ms, capacity(f), f.metrics.uptime_pct,
      ]),
    ));
    const chronological = [...recent].reverse();
    const byDay = new Map<string, string[]>();
    for (const f of chronological) {
      const events = byDay.get(f.day) ?? [];
      events.push(`${OUTCOME_ICON[f.outcome ?? ""] ?? "•"} ${f.environment ?? ""} ${f.title}`);
      byDay.set(f.day, events);
    }
    sections.push(`## ${l.timeline}`, timelineChart(l.deployments, [...byDay].map(([period, events]) => ({ period, events }))));
    const withLatency = chronological.filter((f) => f.metrics.latency_ms !== undefined);
    if (withLatency.length > 1) {
      sections.push(xyChart({
        title: `latency_ms — ${l.deployments}`,
        xLabels: withLatency.map((f) => shortDay(f.day)),
        yLabel: "ms",
        line: withLatency.map((f) => f.metrics.latency_ms),
      }));
    }
  }
  sections.push(`## ${l.live}`, dataviewBlock(deploymentsQuery({ logFolder: settings.logFolder, labels: l })));
  return sections.join("\n\n");
};

export function deploymentsDashboardQueries(settings: DashboardSettings): string[] {
  return [deploymentsQuery({ logFolder: settings.logFolder, labels: dashboardLabels(settings.language) })];
}
