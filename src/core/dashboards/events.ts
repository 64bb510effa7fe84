/**
 * A deployment or a retrospective is one event however many attachments show it: a rollback
 * recorded by voice and photographed is one rollback. Entries of the same note within a
 * short window whose environment and outcome agree (or one of them is unknown) are merged.
 */
import type { EntryFacts } from "./facts";

/** Attachments of one moment are minutes apart; two deployments of one day are rarely this close. */
export const EVENT_WINDOW_MINUTES = 30;

const minutes = (date: string) => Date.parse(`${date.slice(0, 16)}:00Z`) / 60000;
const OUTCOME_RANK: Record<string, number> = { success: 1, failure: 2, rollback: 3 };

function compatible(a: string | undefined, b: string | undefined): boolean {
  return a === undefined || b === undefined || a === b;
}

function outcomesCompatible(a: string | undefined, b: string | undefined): boolean {
  // A failed deploy and its rollback are one event, whichever attachment says which.
  return compatible(a, b) || (OUTCOME_RANK[a!] >= 2 && OUTCOME_RANK[b!] >= 2);
}

function merge(event: EntryFacts, next: EntryFacts): EntryFacts {
  const outcome = (OUTCOME_RANK[next.outcome ?? ""] ?? 0) > (OUTCOME_RANK[event.outcome ?? ""] ?? 0) ? next.outcome : event.outcome;
  const services = [...new Set([event.services, next.services].flatMap((s) => (s ? s.split(/,\s*/) : [])))].join(", ");
  return {
    ...event,
    environment: event.environment ?? next.environment,
    outcome,
    services: services || undefined,
    metrics: { ...next.metrics, ...event.metrics },
    type: event.type ?? next.type,
  };
}

/**
 * Events from entries given newest first (as the dashboard index keeps them); the result is
 * newest first too, each event carrying its earliest entry's note, date and title.
 */
export function mergeEvents(newestFirst: readonly EntryFacts[], windowMinutes = EVENT_WINDOW_MINUTES): EntryFacts[] {
  const events: { facts: EntryFacts; last: number }[] = [];
  for (const entry of [...newestFirst].reverse()) {
    const at = minutes(entry.date);
    let event: { facts: EntryFacts; last: number } | undefined;
    // Entries come in time order, so only the latest events can still be open.
    for (let i = events.length - 1; i >= 0 && at - events[i].last <= windowMinutes * 4; i--) {
      const e = events[i];
      if (e.facts.note === entry.note && at - e.last <= windowMinutes && compatible(e.facts.environment, entry.environment) && outcomesCompatible(e.facts.outcome, entry.outcome)) {
        event = e;
        break;
      }
    }
    if (event) {
      event.facts = merge(event.facts, entry);
      event.last = at;
    } else {
      events.push({ facts: entry, last: at });
    }
  }
  return events.map((e) => e.facts).reverse();
}
