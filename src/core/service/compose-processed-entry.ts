import { labelsFor } from "../log/labels";
import type { LogEntry } from "../log/entry";
import type { ProcessorFindings } from "../processing/processor-port";
import type { JobRecord } from "../queue/job";
import type { TopicNote } from "./entry-enricher";
import { momentCombiner, processedEntry } from "./entry-builder";
import { vaultEnricher } from "./enrichment-adapter";
import type { ServiceDeps } from "./service-deps";

/**
 * A processed job's entry: built locally from the engine's findings, then refined by the language
 * model when one is configured (any failure keeps the local entry), plus how it combines with the
 * other attachments of its moment.
 */
export async function composeProcessedEntry(
  deps: Pick<ServiceDeps, "settings" | "enricher" | "refineEntry" | "vault">,
  job: JobRecord,
  findings: ProcessorFindings,
  topics: TopicNote[],
): Promise<{ entry: LogEntry; combine: ReturnType<typeof momentCombiner> }> {
  const settings = deps.settings();
  const context = {
    settings,
    labels: labelsFor(settings.logLanguage),
    enricher: deps.enricher ?? vaultEnricher,
    topics,
    fileCreatedMs: (await deps.vault.stat(job.path))?.ctime,
  };
  const local = processedEntry(job, findings, context);
  const entry = deps.refineEntry ? await deps.refineEntry(local, settings, { path: job.path, vault: deps.vault }).catch(() => local) : local;
  return { entry, combine: momentCombiner(job, findings, context) };
}
