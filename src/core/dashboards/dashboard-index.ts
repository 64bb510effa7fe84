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

/** Parsed entry dates are ISO local times ("2025-07-30 15:30" in a seed note is read as 2025-07-30T15:30). */
const DATE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

/** The facts dashboards count for one note's entries: only dated entries count. */
export function factsOfEntries(notePath: string, entries: readonly LogEntry[]): EntryFacts[] {
  return entries.filter((e) => DATE.test(e.date)).map((e) => entryFacts(notePath, e));
}

function* mapNotes<A, B>(byNote: Iterable<[string, A]>, map: (notePath: string, value: A) => B): Iterable<[string, B]> {
  for (const [notePath, value] of byNote) yield [notePath, map(notePath, value)];
}

export class DashboardIndex {
  private readonly notes = new Map<string, EntryFacts[]>();
  private readonly sprints = new Map<number, SprintStats>();
  readonly daily = new Counter();
  /** Entries that belong in lists, kept sorted newest first, so rendering a list is a slice. */
  private readonly backlog = new SortedFacts();
  private readonly deployments = new SortedFacts();
  private readonly retrospectives = new SortedFacts();
  /** Day → sprint number; date arithmetic once per day, not once per entry. */
  private readonly sprintOfDay = new Map<string, number>();

  constructor(readonly calendar: SprintCalendar) {}

  /** Replaces everything known about one day note (after it was created, edited or re-parsed). */
  setNote(notePath: string, entries: readonly LogEntry[]): void {
    this.setNoteFacts(notePath, factsOfEntries(notePath, entries));
  }

  /** The same from facts already extracted (a persisted index). */
  setNoteFacts(notePath: string, noteFacts: readonly EntryFacts[]): void {
    const facts = this.replaceNote(notePath, noteFacts);
    this.backlog.insert(facts.filter(isBacklog));
    this.deployments.insert(facts.filter(isDeployment));
    this.retrospectives.insert(facts.filter(isRetrospective));
  }

  /** Many notes at once (startup, full regeneration): lists are sorted once at the end. */
  setNotes(entriesByNote: Iterable<[string, readonly LogEntry[]]>): void {
    this.setNotesFacts(mapNotes(entriesByNote, factsOfEntries));
  }

  /** Many notes' facts at once (start-up from a persisted index). */
  setNotesFacts(factsByNote: Iterable<[string, readonly EntryFacts[]]>): void {
    const backlog: EntryFacts[] = [];
    const deployments: EntryFacts[] = [];
    const retrospectives: EntryFacts[] = [];
    for (const [notePath, noteFacts] of factsByNote) {
      for (const f of this.replaceNote(notePath, noteFacts)) {
        if (isBacklog(f)) backlog.push(f);
        if (isDeployment(f)) deployments.push(f);
        if (isRetrospective(f)) retrospectives.push(f);
      }
    }
    this.backlog.merge(backlog);
    this.deployments.merge(deployments);
    this.retrospectives.merge(retrospectives);
  }

  private replaceNote(notePath: string, noteFacts: readonly EntryFacts[]): EntryFacts[] {
    this.removeNote(notePath);
    const facts = [...noteFacts];
    if (facts.length > 0) {
      this.notes.set(notePath, facts);
      this.apply(facts, 1);
    }
    return facts;
  }

  removeNote(notePath: string): void {
    const old = this.notes.get(notePath);
    if (!old) return;
    this.apply(old, -1);
    this.notes.delete(notePath);
    for (const list of [this.backlog, this.deployments, this.retrospectives]) {
      if (old.some((f) => list.has(f))) list.removeNote(notePath);
    }
  }

  /** The newest entry's day ("yyyy-MM-dd"), or undefined when nothing is indexed. */
  latestDay(): string | undefined {
    let latest: string | undefined;
    for (const day of this.daily.counts.keys()) if (latest === undefined || day > latest) latest = day;
    return latest;
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
    return this.backlog.newest(limit);
  }
  backlogSize(): number {
    return this.backlog.size;
  }
  newestDeployments(limit: number): EntryFacts[] {
    return this.deployments.newest(limit);
  }
  /** Newest first; a shared read-only view. */
  allDeployments(): readonly EntryFacts[] {
    return this.deployments.all;
  }
  newestRetrospectives(limit: number): EntryFacts[] {
    return this.retrospectives.newest(limit);
  }

  private sprintNumber(day: string): number {
    let number = this.sprintOfDay.get(day);
    if (number === undefined) {
      number = sprintNumberOf(day, this.calendar);
      this.sprintOfDay.set(day, number);
    }
    return number;
  }

  private apply(facts: EntryFacts[], sign: 1 | -1): void {
    for (const f of facts) {
      const number = this.sprintNumber(f.day);
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

/** Newest first; ties broken by note and title so incremental and full builds list alike. */
function newerFirst(a: EntryFacts, b: EntryFacts): number {
  if (a.date !== b.date) return a.date > b.date ? -1 : 1;
  if (a.note !== b.note) return a.note < b.note ? -1 : 1;
  return a.title < b.title ? -1 : a.title > b.title ? 1 : 0;
}

/** Facts sorted newest first; inserts by binary search, removal by note. */
class SortedFacts {
  all: EntryFacts[] = [];
  private readonly members = new Set<EntryFacts>();

  get size(): number {
    return this.all.length;
  }
  has(facts: EntryFacts): boolean {
    return this.members.has(facts);
  }
  /** Binary insertion: cheap for the few entries of one note. */
  insert(facts: EntryFacts[]): void {
    for (const f of facts) {
      let lo = 0;
      let hi = this.all.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (newerFirst(this.all[mid], f) <= 0) lo = mid + 1;
        else hi = mid;
      }
      this.all.splice(lo, 0, f);
      this.members.add(f);
    }
  }
  /** Concatenate and sort once: cheap for thousands of entries. */
  merge(facts: EntryFacts[]): void {
    if (facts.length === 0) return;
    for (const f of facts) this.members.add(f);
    this.all = this.all.concat(facts).sort(newerFirst);
  }
  removeNote(notePath: string): void {
    const kept: EntryFacts[] = [];
    for (const f of this.all) {
      if (f.note === notePath) this.members.delete(f);
      else kept.push(f);
    }
    this.all = kept;
  }
  newest(limit: number): EntryFacts[] {
    return this.all.slice(0, limit);
  }
}
