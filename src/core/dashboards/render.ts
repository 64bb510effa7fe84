/**
 * The one entry point for the adapter that writes dashboard notes. Keep a `DashboardRenderer`
 * per vault: feed it each day note's entries when the note changes (cheap), then render.
 */
import type { LogEntry } from "../log/entry";
import { DashboardIndex } from "./dashboard-index";
import { renderDeploymentsSection } from "./deployments-dashboard";
import type { EntryFacts } from "./facts";
import { replaceGeneratedSection } from "./markers";
import { DEFAULT_DASHBOARD_SETTINGS, type DashboardSettings } from "./settings";
import { renderSprintSection } from "./sprint-dashboard";

export interface DashboardNotes {
  sprint: string;
  deployments: string;
}

export interface RenderOptions {
  /** Obsidian's `stripHeadingForLink`, so heading links match what Obsidian generates. */
  headingForLink?: (heading: string) => string;
}

export class DashboardRenderer {
  private index: DashboardIndex;

  constructor(
    private settings: DashboardSettings = DEFAULT_DASHBOARD_SETTINGS,
    private readonly options: RenderOptions = {},
  ) {
    this.index = new DashboardIndex(settings);
  }

  /** Settings changed (sprint calendar, folder, language): aggregates are rebuilt from the notes. */
  updateSettings(settings: DashboardSettings, entriesByNote: ReadonlyMap<string, readonly LogEntry[]>): void {
    this.settings = settings;
    this.index = new DashboardIndex(settings);
    this.index.setNotes(entriesByNote);
  }

  /** Many notes at once (plugin start, "Update dashboards" from scratch). */
  setNotes(entriesByNote: Iterable<[string, readonly LogEntry[]]>): void {
    this.index.setNotes(entriesByNote);
  }

  /** Many notes' facts at once (start-up from a persisted index: nothing to parse). */
  setNotesFacts(factsByNote: Iterable<[string, readonly EntryFacts[]]>): void {
    this.index.setNotesFacts(factsByNote);
  }

  /** One note's facts (extracted by the log-note index). */
  setNoteFacts(notePath: string, facts: readonly EntryFacts[]): void {
    this.index.setNoteFacts(notePath, facts);
  }

  /** A day note was created or changed: O(entries in that note). */
  setNote(notePath: string, entries: readonly LogEntry[]): void {
    this.index.setNote(notePath, entries);
  }

  removeNote(notePath: string): void {
    this.index.removeNote(notePath);
  }

  /** True once any dated entry is indexed (dashboards are created only then, or on request). */
  get hasEntries(): boolean {
    return this.index.latestDay() !== undefined;
  }

  /**
   * Only the generated sections, for `vault.process(file, (text) => replaceGeneratedSection(text, section))`.
   * Nothing here depends on today's date, so the same log renders the same text on every day and device.
   */
  renderSections(): DashboardNotes {
    return {
      sprint: renderSprintSection(this.index, this.settings, this.options.headingForLink),
      deployments: renderDeploymentsSection(this.index, this.settings, this.options.headingForLink),
    };
  }

  /** New texts of both dashboard notes; the user's text outside the markers is kept. */
  render(existing: Partial<DashboardNotes>): DashboardNotes {
    const sections = this.renderSections();
    return {
      sprint: replaceGeneratedSection(existing.sprint ?? "", sections.sprint),
      deployments: replaceGeneratedSection(existing.deployments ?? "", sections.deployments),
    };
  }
}

/**
 * Stateless form: every day note's entries in, both dashboard notes out. Use the renderer
 * class for incremental updates; this one rebuilds all aggregates (fine for a command).
 */
export function renderDashboards(
  entriesByNote: ReadonlyMap<string, readonly LogEntry[]>,
  settings: DashboardSettings,
  existing: Partial<DashboardNotes>,
  options: RenderOptions = {},
): DashboardNotes {
  const renderer = new DashboardRenderer(settings, options);
  renderer.setNotes(entriesByNote);
  return renderer.render(existing);
}
