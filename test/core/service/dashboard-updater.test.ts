/**
 * The dashboards' debounce runs on the injected clock: a burst of note changes costs one write.
 * Dashboards are written only when their text changes, created only once entries exist or on
 * request, never at a quiet start-up, and never when their setting is off.
 */
import { mkdirSync, mkdtempSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { FsVault } from "../../../src/cli/adapters/fs-vault";
import { DashboardUpdater } from "../../../src/core/service/dashboard-updater";
import { DEFAULT_SETTINGS, type BitacoraSettings } from "../../../src/core/settings/settings";
import { ManualClock } from "../../support/manual-clock";

const SEED_ENTRY = "# Log\n\n08:45 revisión de optimizaciones\nstatus:: Processed\narea:: Technical\ndate:: 2025-07-30 08:45\n\nTexto.\n";

function vaultWithWrites() {
  const root = mkdtempSync(path.join(tmpdir(), "bitacora-vault-"));
  const vault = new FsVault(root);
  const writes: string[] = [];
  const processText = vault.processText.bind(vault);
  vault.processText = (p, edit, initial) => (writes.push(p), processText(p, edit, initial));
  const put = (vaultPath: string, text: string) => {
    mkdirSync(path.dirname(path.join(root, vaultPath)), { recursive: true });
    writeFileSync(path.join(root, vaultPath), text);
  };
  return { root, vault, writes, put };
}

test("note changes within the quiet period are written once, after it; dispose drops a pending refresh", async () => {
  const { vault, writes, put } = vaultWithWrites();
  put("Logs/2025-07-30.md", SEED_ENTRY);
  put("Logs/2025-07-29.md", SEED_ENTRY.replace(/2025-07-30/g, "2025-07-29"));
  const clock = new ManualClock({ start: new Date("2025-07-30T12:00:00") });
  const updater = new DashboardUpdater(vault, () => DEFAULT_SETTINGS, clock, { debounceMs: 1500 });

  updater.noteChanged("Logs/2025-07-30.md");
  clock.advance(1000);
  updater.noteChanged("Logs/2025-07-30.md");
  clock.advance(1000);
  updater.noteChanged("Logs/2025-07-29.md");
  expect(clock.pending).toBe(1);
  expect(writes).toEqual([]);
  clock.advance(1500);
  await updater.settled();
  expect(writes).toEqual([DEFAULT_SETTINGS.sprintDashboardPath, DEFAULT_SETTINGS.deploymentDashboardPath]);

  updater.noteChanged("Logs/2025-07-30.md");
  updater.dispose();
  clock.advance(5000);
  await updater.settled();
  // dispose() dropped the pending refresh.
  expect(writes).toHaveLength(2);
});

test("a start-up refresh creates nothing; 'Update dashboards' creates; an unchanged log writes nothing, on any later day", async () => {
  const { root, vault, writes, put } = vaultWithWrites();
  put("Logs/2025-07-30.md", SEED_ENTRY);
  const clock = new ManualClock({ start: new Date("2025-07-30T12:00:00") });
  const updater = new DashboardUpdater(vault, () => DEFAULT_SETTINGS, clock, { debounceMs: 1500 });

  await updater.rebuild("never");
  expect(writes).toEqual([]);
  expect(readdirSync(root)).toEqual(["Logs"]);

  await updater.rebuild("always");
  expect(writes).toEqual([DEFAULT_SETTINGS.sprintDashboardPath, DEFAULT_SETTINGS.deploymentDashboardPath]);

  // A restart weeks later (another device, same log): same text, no write.
  const later = new ManualClock({ start: new Date("2025-09-15T08:00:00") });
  const restarted = new DashboardUpdater(vault, () => DEFAULT_SETTINGS, later, { debounceMs: 1500 });
  await restarted.rebuild("never");
  await restarted.rebuild("always");
  restarted.noteChanged("Logs/2025-07-30.md");
  await restarted.flush();
  expect(writes).toHaveLength(2);

  // A real change is written once per dashboard whose text it changes.
  put("Logs/2025-07-31.md", SEED_ENTRY.replace(/2025-07-30/g, "2025-07-31"));
  restarted.noteChanged("Logs/2025-07-31.md");
  await restarted.flush();
  expect(writes.slice(2)).toEqual([DEFAULT_SETTINGS.sprintDashboardPath]);
});

test("with no entries nothing is created by note changes; notes outside the log folder are not read; a dashboard turned off is never written", async () => {
  const { vault, writes, put } = vaultWithWrites();
  const reads: string[] = [];
  const readText = vault.readText.bind(vault);
  vault.readText = (p) => (reads.push(p), readText(p));
  put("Ideas/not-a-log.md", "key:: value\n");
  const settings: BitacoraSettings = { ...DEFAULT_SETTINGS, deploymentDashboardEnabled: false };
  const updater = new DashboardUpdater(vault, () => settings, new ManualClock(), { debounceMs: 1500 });

  await updater.rebuild("never");
  updater.noteChanged("Ideas/not-a-log.md");
  await updater.flush();
  expect(writes).toEqual([]);
  expect(reads).not.toContain("Ideas/not-a-log.md");

  put("Logs/2025-07-30.md", SEED_ENTRY);
  updater.noteChanged("Logs/2025-07-30.md");
  await updater.flush();
  expect(writes).toEqual([DEFAULT_SETTINGS.sprintDashboardPath]);
  await updater.rebuild("always");
  expect(writes).toEqual([DEFAULT_SETTINGS.sprintDashboardPath]);
});
