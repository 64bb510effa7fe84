/** The dashboards' debounce runs on the injected clock: a burst of note changes costs one write. */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { FsVault } from "../../../src/cli/adapters/fs-vault";
import { DashboardUpdater } from "../../../src/core/service/dashboard-updater";
import { DEFAULT_SETTINGS } from "../../../src/core/settings/settings";
import { ManualClock } from "../../support/manual-clock";

test("note changes within the quiet period are written once, after it; dispose drops a pending refresh", async () => {
  const vault = new FsVault(mkdtempSync(path.join(tmpdir(), "bitacora-vault-")));
  const writes: string[] = [];
  const processText = vault.processText.bind(vault);
  vault.processText = (p, edit, initial) => (writes.push(p), processText(p, edit, initial));
  const clock = new ManualClock({ start: new Date("2025-07-30T12:00:00") });
  const updater = new DashboardUpdater(vault, () => DEFAULT_SETTINGS, clock, 1500);

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
