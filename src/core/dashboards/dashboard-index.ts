/**
 * Incremental aggregates behind the dashboards. Each day note contributes counts that are
 * added when the note is set and subtracted when it changes, so one new entry costs a
 * re-summary of its own note, not of the vault. Rendering reads only these aggregates.
 */
import type { LogEntry } from "../log/entry";
import { entryFacts, isBacklog, isDeployment, isRetrospective, type EntryFacts } from "./facts";
import { sprintNumberOf, type SprintCalendar } from "./sprint";

/** A string→count map that forgets keys that drop to zero. */
export class Counter {
  readonly counts = new Map<string, number>();
  add(key: string, by: number): void {
    const next = (this.counts.get(key) ?? 0) + by;
    if (next === 0) this.counts.delete(key);
    else this.counts.set(key, next);
  }
  get(key: string): number {
    return this.counts.get(key) ?? 0;
  }
  /** Keys by count, highest first. */
  ranked(): Array<[string, number]> {
    return [...this.counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  }
}

export interface SprintStats {
  entries: number;
  byStatus: Counter;
  byArea: Counter;
  /** Keyed by `areaStatusKey(area, status)`. */
  byAreaStatus: Counter;
  byEmotion: Counter;
  /** Sum and count per metric key, for averages. */
  metricSums: Counter;
  metricCounts: Counter;
}

export const areaStatusKey = (area: string, status: string) => `${area}\u0000${status}`;

const DATE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

export class DashboardIndex {
  private readonly notes = new Map<string, EntryFacts[]>();
  private readonly sprints = new Map<number, SprintStats>();
  readonly daily = new Counter();
  /** Entries that belong in lists, per note, so lists never scan every entry. */
  private readonly backlog = new Map<string, EntryFacts[]>();
  private readonly deployments = new Map<string, EntryFacts[]>();
  private readonly retrospectives = new Map<string, EntryFacts[]>();

  constructor(readonly calendar: SprintCalendar) {}

  /** Replaces everything known about one day note (after it was created, edited or re-parsed). */
  setNote(notePath: string, entries: readonly LogEntry[]): void {
    this.removeNote(notePath);
    const facts = entries.filter((e) => DATE.test(e.date)).map((e) => entryFacts(notePath, e));
    if (facts.length === 0) return;
    this.notes.set(notePath, facts);
    this.apply(facts, 1);
    this.keepList(this.backlog, notePath, facts.filter(isBacklog));
    this.keepList(this.deployments, notePath, facts.filter(isDeployment));
    this.keepList(this.retrospectives, notePath, facts.filter(isRetrospective));
  }

  removeNote(notePath: string): void {
    const old = this.notes.get(notePath);
    if (!old) return;
    this.apply(old, -1);
    this.notes.delete(notePath);
    this.backlog.delete(notePath);
    this.deployments.delete(notePath);
    this.retrospectives.delete(notePath);
  }

  get noteCount(): number {
    return this.notes.size;
  }

  sprintStats(sprintNumber: number): SprintStats | undefined {
    return this.sprints.get(sprintNumber);
  }

  /** Sprint numbers that have entries, ascending. */
  sprintNumbers(): number[] {
    return [...this.sprints.keys()].sort((a, b) => a - b);
  }

  newestBacklog(limit: number): EntryFacts[] {
    return newest(this.backlog, limit);
  }
  backlogSize(): number {
    return countAll(this.backlog);
  }
  newestDeployments(limit: number): EntryFacts[] {
    return newest(this.deployments, limit);
  }
  allDeployments(): EntryFacts[] {
    return newest(this.deployments, Infinity);
  }
  newestRetrospectives(limit: number): EntryFacts[] {
    return newest(this.retrospectives, limit);
  }

  private keepList(lists: Map<string, EntryFacts[]>, notePath: string, facts: EntryFacts[]): void {
    if (facts.length > 0) lists.set(notePath, facts);
  }

  private apply(facts: EntryFacts[], sign: 1 | -1): void {
    for (const f of facts) {
      const number = sprintNumberOf(f.day, this.calendar);
      let stats = this.sprints.get(number);
      if (!stats) {
        stats = { entries: 0, byStatus: new Counter(), byArea: new Counter(), byAreaStatus: new Counter(), byEmotion: new Counter(), metricSums: new Counter(), metricCounts: new Counter() };
        this.sprints.set(number, stats);
      }
      stats.entries += sign;
      stats.byStatus.add(f.status, sign);
      stats.byArea.add(f.area, sign);
      stats.byAreaStatus.add(areaStatusKey(f.area, f.status), sign);
      if (f.emotion) stats.byEmotion.add(f.emotion, sign);
      for (const [key, value] of Object.entries(f.metrics)) {
        stats.metricSums.add(key, sign * value);
        stats.metricCounts.add(key, sign);
        // Float sums may not return to exactly 0; the count says when a key is gone.
        if (stats.metricCounts.get(key) === 0) stats.metricSums.counts.delete(key);
      }
      this.daily.add(f.day, sign);
      if (stats.entries === 0) this.sprints.delete(number);
    }
  }
}

function newest(lists: Map<string, EntryFacts[]>, limit: number): EntryFacts[] {
  const all: EntryFacts[] = [];
  for (const facts of lists.values()) all.push(...facts);
  all.sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : 0));
  return Number.isFinite(limit) ? all.slice(0, limit) : all;
}

function countAll(lists: Map<string, EntryFacts[]>): number {
  let n = 0;
  for (const facts of lists.values()) n += facts.length;
  return n;
}
