/** Vault renames and deletions reach the queue through the watcher: entries follow the file, deletions say why. */
import { bytesOf, presetSettings, startPlugin, stopPlugin, waitFor, perTestVault } from "./harness";

const current = perTestVault();

test("a photo renamed while queued is processed under its new name, with one entry", async () => {
  presetSettings(current.vault, {});
  const { app, plugin } = await startPlugin(current.vault);
  current.stop = () => stopPlugin(app, plugin);
  plugin.queue.pause();
  await app.vault.createFolder("Attachments");
  const photo = await app.vault.createBinary("Attachments/IMG_20250730_084510.jpg", bytesOf("photos_coco/000000000802.jpg"));
  await waitFor(() => plugin.queue.snapshot().jobs[0]?.state === "queued");
  await app.vault.rename(photo, "Attachments/Pizarra [sprint] #1 ñandú.jpg");
  plugin.queue.resume();
  await waitFor(() => plugin.queue.snapshot().jobs.every((job) => job.state === "done"));
  // The new name carries no time, so the entry may move to another day's note: read them all.
  const notes = app.vault.getFiles().filter((file) => file.path.startsWith("Logs/"));
  const log = (await Promise.all(notes.map((file) => app.vault.read(file)))).join("\n");
  expect(log).toContain("Pizarra [sprint] #1 ñandú.jpg");
  expect(log).not.toContain("IMG_20250730_084510.jpg");
  expect(log.match(/^status:: Processed$/gm)).toHaveLength(1);
});

test("a photo deleted while queued leaves an entry and a job that say it was deleted", async () => {
  presetSettings(current.vault, {});
  const { app, plugin } = await startPlugin(current.vault);
  current.stop = () => stopPlugin(app, plugin);
  plugin.queue.pause();
  await app.vault.createFolder("Attachments");
  const photo = await app.vault.createBinary("Attachments/IMG_20250730_101010.jpg", bytesOf("photos_coco/000000011813.jpg"));
  await waitFor(() => plugin.queue.snapshot().jobs[0]?.state === "queued");
  await app.vault.delete(photo);
  const job = await waitFor(() => plugin.queue.snapshot().jobs.find((j) => j.state === "failed" || j.state === "cancelled"));
  expect(job.error).toMatch(/deleted/);
  await waitFor(() => /deleted/.test(current.vault.readText("Logs/2025-07-30.md")));
});
