import type { unitOfTime } from "moment";
import { moment as obsidianMoment, normalizePath, Notice, TFile, type App } from "obsidian";

// obsidian.d.ts types `moment` as a namespace import (not callable under esModuleInterop); at run time it is the moment function.
const moment = obsidianMoment as unknown as typeof import("moment");

/** Where today's daily note lives and what a new one starts with, as the user configured it. */
export interface DailyNoteConfig {
  folder: string;
  /** A moment.js format (not date-fns): "YYYY-MM-DD" by default. */
  format: string;
  template: string;
}

export const DEFAULT_DAILY_NOTE_FORMAT = "YYYY-MM-DD";

interface PeriodicNotesPlugin {
  settings?: { daily?: Partial<DailyNoteConfig> & { enabled?: boolean } };
}
interface InternalPlugins {
  getPluginById(id: string): { instance?: { options?: Partial<DailyNoteConfig> } } | null;
}
/** Undocumented but stable app members that the daily-notes interface library reads too. */
interface AppWithPluginRegistries {
  internalPlugins?: InternalPlugins;
  plugins?: { getPlugin(id: string): unknown };
}

/** Periodic Notes' daily settings when it is enabled for days, else the core Daily notes options. */
export function readDailyNoteConfig(app: App): DailyNoteConfig {
  const registries = app as unknown as AppWithPluginRegistries;
  const periodic = registries.plugins?.getPlugin("periodic-notes") as PeriodicNotesPlugin | null | undefined;
  const source = periodic?.settings?.daily?.enabled
    ? periodic.settings.daily
    : registries.internalPlugins?.getPluginById("daily-notes")?.instance?.options ?? {};
  return {
    folder: source.folder?.trim() ?? "",
    format: source.format?.trim() || DEFAULT_DAILY_NOTE_FORMAT,
    template: source.template?.trim() ?? "",
  };
}

/**
 * Fills a daily-note template the way core Daily notes does: {{date}}, {{title}}, {{time}},
 * {{date:FORMAT}}, {{date+1d:FORMAT}}, {{yesterday}}, {{tomorrow}}.
 */
export function fillDailyTemplate(template: string, date: Date, format: string, now: Date): string {
  const day = moment(date);
  const title = day.format(format);
  const clock = moment(now);
  return template
    .replace(/{{\s*date\s*}}/gi, title)
    .replace(/{{\s*time\s*}}/gi, clock.format("HH:mm"))
    .replace(/{{\s*title\s*}}/gi, title)
    .replace(/{{\s*(date|time)\s*(([+-]\d+)([yqmwdhs]))?\s*(:.+?)?}}/gi, (_m, _kind, calc, delta, unit, fmt) => {
      const stamp = day.clone().set({ hour: clock.hour(), minute: clock.minute(), second: clock.second() });
      if (calc) stamp.add(parseInt(delta as string, 10), unit as unitOfTime.DurationConstructor);
      return fmt ? stamp.format((fmt as string).substring(1).trim()) : stamp.format(format);
    })
    .replace(/{{\s*yesterday\s*}}/gi, day.clone().subtract(1, "day").format(format))
    .replace(/{{\s*tomorrow\s*}}/gi, day.clone().add(1, "day").format(format));
}

/** Whether `path` is one of the user's daily notes: in their folder, named in their date format. */
export function isDailyNotePath(config: DailyNoteConfig, path: string): boolean {
  const folder = normalizePath(config.folder);
  const prefix = folder === "/" || folder === "" ? "" : `${folder}/`;
  if (!path.startsWith(prefix) || !path.toLowerCase().endsWith(".md")) return false;
  // Strict parsing: "Kubernetes" or "2025-07-30 notas" is not a day. The format may hold folders (YYYY/MM/DD).
  return moment(path.slice(prefix.length, -3), config.format, true).isValid();
}

/** The service's LogNoteLocator for "daily note" mode. */
export class DailyNoteLocator {
  constructor(private readonly app: App, private readonly now: () => Date = () => new Date()) {}

  async locate(date: Date): Promise<{ path: string; initial: string }> {
    const config = readDailyNoteConfig(this.app);
    const name = moment(date).format(config.format);
    const path = normalizePath(config.folder ? `${config.folder}/${name}.md` : `${name}.md`);
    const template = config.template ? await this.readTemplate(config.template) : "";
    return { path, initial: fillDailyTemplate(template, date, config.format, this.now()) };
  }

  private async readTemplate(template: string): Promise<string> {
    const file = this.app.metadataCache.getFirstLinkpathDest(normalizePath(template), "");
    if (file instanceof TFile) return this.app.vault.cachedRead(file);
    // A daily note without the user's template is a known complaint: say so instead of silently.
    new Notice(`Bitácora: the daily note template "${template}" was not found; the note was created without it.`);
    return "";
  }
}
