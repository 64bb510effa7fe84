import { readFileSync } from "node:fs";
import path from "node:path";
import { restoreState } from "../core/queue/ledger";
import { parseCliArgs, USAGE, UsageError, type CliArgs } from "./args";
import { createCliContext, VaultNotFoundError } from "./cli-context";
import { ProgressReporter } from "./progress-reporter";
import { nodeClock } from "../engines/system/node-clock";
import { reportedChanges } from "./reported-changes";
import { watchVault } from "./watch-vault";
import { runWhichModel } from "./which-model";

const EXIT_OK = 0;
const EXIT_FAILURES = 1;
const EXIT_USAGE = 2;
const EXIT_NO_VAULT = 3;

async function runProcess(args: CliArgs): Promise<number> {
  const context = createCliContext(args);
  // Temp and lock files of an earlier run that was killed mid-write.
  await context.vault.sweepStaleSideFiles();
  await context.service.start();
  // Jobs from earlier runs stay in the state file; this run reports and counts only its own.
  const earlier = new Set(context.service.snapshot().jobs.map((job) => job.id));
  const reporter = new ProgressReporter(process.stdout, args.json, earlier);
  context.service.onChange((snapshot) => reporter.update(snapshot));
  // With --watch the watcher is on before the first pass, so a file that arrives meanwhile is seen.
  const stopWatching = args.watch ? watchVault(context.root, reportedChanges(context.service, args.json), { clock: nodeClock }) : null;
  // Ctrl+C is heard from the start, so one that comes right after a line is printed is never missed.
  const interrupted = args.watch ? new Promise<"interrupted">((resolve) => process.once("SIGINT", () => resolve("interrupted"))) : null;
  const queued = args.reprocess
    ? await reprocessAll(context)
    : await context.service.processAllUnprocessed();
  if (!args.json) process.stdout.write(`Processing ${queued} attachment(s) in ${context.root}\n`);
  const firstPass = interrupted ? await Promise.race([context.service.idle(), interrupted]) : await context.service.idle();
  if (stopWatching) {
    if (firstPass !== "interrupted" && !args.json) process.stdout.write("Watching for new attachments (Ctrl+C to stop)…\n");
    await interrupted;
    stopWatching();
  }
  await context.service.stop();
  context.engine.dispose();
  // Dashboards appear once the log has entries; an unchanged one is not rewritten.
  await context.dashboards.rebuild("with-entries");
  context.dashboards.dispose();
  const failed = context.service
    .snapshot()
    .jobs.filter((job) => !earlier.has(job.id) && (job.state === "failed" || job.state === "cancelled"));
  const logFolder = path.join(context.root, context.settings.logFolder);
  if (!args.json) {
    process.stdout.write(`Log notes are in ${logFolder}\n`);
    if (failed.length) process.stdout.write(`${failed.length} attachment(s) could not be processed; see the error entries.\n`);
  } else {
    process.stdout.write(`${JSON.stringify({ event: "finished", logFolder, failed: failed.length })}\n`);
  }
  return failed.length ? EXIT_FAILURES : EXIT_OK;
}

async function reprocessAll(context: ReturnType<typeof createCliContext>): Promise<number> {
  let count = 0;
  for (const file of await context.vault.listFiles()) {
    if ((await context.service.enqueue(file, { force: true })) === "queued") count++;
  }
  return count;
}

function runStatus(args: CliArgs): number {
  const context = createCliContext(args);
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(context.stateFile, "utf8"));
  } catch {
    raw = undefined;
  }
  const state = restoreState(raw);
  const counts: Record<string, number> = {};
  for (const job of state.jobs) counts[job.state] = (counts[job.state] ?? 0) + 1;
  const failed = state.jobs.filter((job) => job.state === "failed" || job.state === "cancelled");
  const summary = { vault: context.root, processed: Object.keys(state.ledger).length, jobs: counts, failed: failed.map((j) => ({ path: j.path, error: j.error })) };
  if (args.json) process.stdout.write(`${JSON.stringify(summary)}\n`);
  else {
    process.stdout.write(`Vault: ${summary.vault}\nProcessed attachments: ${summary.processed}\n`);
    for (const [state, count] of Object.entries(counts)) process.stdout.write(`  ${state}: ${count}\n`);
    for (const job of failed) process.stdout.write(`  ✗ ${job.path} — ${job.error ?? "failed"}\n`);
  }
  return failed.length ? EXIT_FAILURES : EXIT_OK;
}

export async function main(argv: string[]): Promise<number> {
  try {
    const args = parseCliArgs(argv);
    if (args.command === "help") {
      process.stdout.write(`${USAGE}\n`);
      return EXIT_OK;
    }
    if (args.command === "version") {
      process.stdout.write("bitacora 0.1.0\n");
      return EXIT_OK;
    }
    if (args.command === "which-model") return await runWhichModel(args);
    return args.command === "status" ? runStatus(args) : await runProcess(args);
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`bitacora: ${error.message}\n\n${USAGE}\n`);
      return EXIT_USAGE;
    }
    if (error instanceof VaultNotFoundError) {
      process.stderr.write(`bitacora: ${error.message}\n`);
      return EXIT_NO_VAULT;
    }
    throw error;
  }
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (error: unknown) => {
      process.stderr.write(`bitacora: ${error instanceof Error ? error.stack : String(error)}\n`);
      process.exit(1);
    },
  );
}
