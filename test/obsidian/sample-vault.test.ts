/**
 * The committed sample vault, opened in the stand-in with "process existing attachments":
 * recorder .webm and phone .m4a speech, an EXIF-timed screenshot and a phone photo all become
 * entries of one day, in time order, with the real engine host.
 */
import { cpSync } from "node:fs";
import path from "node:path";
import { parseLogNote } from "../../src/core/log/parse-log-note";
import { makeVault, presetSettings, REPO, resetRecorders, startPlugin, waitFor, stopPlugin } from "./harness";

// Five real engine runs (Whisper with the weightless test model, photo description, emotion) on a shared CPU.
test("the sample vault's attachments become a sorted day log", async () => {
  resetRecorders();
  const vault = makeVault();
  cpSync(path.join(REPO, "sample-vault"), vault.dir, { recursive: true });
  presetSettings(vault, { firstRun: "queue-existing", whisperLanguage: "es" });
  const { app, plugin } = await startPlugin(vault);
  try {
    await waitFor(() => {
      const jobs = plugin.queue.snapshot().jobs;
      return jobs.length === 5 && jobs.every((job) => job.state === "done" || job.state === "failed");
    }, 380000);
    expect(plugin.queue.snapshot().jobs.filter((job) => job.state === "failed")).toEqual([]);
    const log = vault.readText("Logs/2025-07-30.md");
    const headings = [...log.matchAll(/^(\d\d:\d\d) .*\nstatus:: /gm)].map((m) => m[1]);
    // EXIF capture time (08:45), recorder names (11:20, 15:30), phone photo name (17:45).
    expect(headings).toEqual(["08:45", "11:20", "15:30", "17:45"]);
    expect(log).toContain("**Foto: optimization_results.jpg**");
    expect(log).toContain("**Audio grabado: Recording 20250730153012.webm**");
    expect(log).toContain("**Audio grabado: Recording 20250730112005.m4a**");
    expect(log.match(/^status:: Processed$/gm)).toHaveLength(4);
    // The staging voice note and the dashboard screenshot a minute later are one moment: one entry, two blocks.
    const staging = parseLogNote(log).entries.find((p) => p.header.heading.time === "15:30")!;
    expect(staging.blocks.map((b) => b.attachment)).toEqual(["Attachments/Recording 20250730153012.webm", "Attachments/Screenshot 2025-07-30 at 15.31.05.png"]);
    // Seed 000's shape: `HH:MM título`, status/area/date lines, a blank line, the blocks, `---` between entries.
    expect(log).toMatch(/^15:30 .+\nstatus:: Processed\narea:: .+\ndate:: 2025-07-30 15:30\n/m);
    expect(log.match(/^---$/gm)).toHaveLength(3);
  } finally {
    await stopPlugin(app, plugin);
    vault.remove();
  }
}, 400000);
