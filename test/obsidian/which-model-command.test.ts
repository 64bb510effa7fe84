/**
 * "Which model for my machine?" in the Obsidian stand-in with the real engine host and
 * whisper.cpp's weightless test model (real transcription of the bundled clip; its speed says
 * nothing about a real model's, so no time is asserted; the arithmetic is tested in
 * test/core/model-advice).
 */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { MANIFEST, perTestVault, startPlugin, stopPlugin, TEST_WHISPER_MODEL, waitFor } from "./harness";
import { App, Modal, Notice } from "../obsidian-stand-in/obsidian";

jest.setTimeout(180_000);
const current = perTestVault();

/** This device's settings: the weightless model set by path and an empty models folder (nothing of the user's). */
async function appWithTestModel(): Promise<App> {
  const app = await App.create__(current.vault.dir);
  app.saveLocalStorage("bitacora-device-settings", { whisperModelPath: TEST_WHISPER_MODEL, modelsDir: mkdtempSync(path.join(tmpdir(), "bitacora-models-")) });
  return app;
}

const modalText = () => Modal.open__.map((modal) => modal.contentEl.getText()).join("\n");

test("times the installed model in the engine host with per-model progress, then shows each size and the recommendation", async () => {
  const { app, plugin } = await startPlugin(current.vault, await appWithTestModel());
  current.stop = () => stopPlugin(app, plugin);
  await app.runCommand__(`${MANIFEST.id}:which-model`);
  const text = await waitFor(() => modalText().includes("per hour of audio") && modalText(), 150_000);
  expect(Notice.shown__).toContain("Bitácora: timing for-tests-ggml-tiny.bin on a 30 s clip (1 of 1)… Click to cancel.");
  expect(text).toMatch(/tiny .*× real time .* min per hour of audio {2}measured \(for-tests-ggml-tiny\.bin\)/);
  expect(text).toMatch(/base .*estimated/);
  expect(text).toMatch(/large-v3-turbo .*estimated/);
  expect(text).toMatch(/Use (tiny|base|small|medium|large-v3-turbo): the largest that transcribes an hour in \d+ min|Even the smallest model takes longer than 0\.5× the audio here/);
});

test("clicking the progress notice cancels: no advice, a notice says so, and the command runs again afterwards", async () => {
  const { app, plugin } = await startPlugin(current.vault, await appWithTestModel());
  current.stop = () => stopPlugin(app, plugin);
  // The user clicks the notice the moment it names the model (before the engine answers, whatever the machine's speed).
  const setMessage = jest.spyOn(Notice.prototype, "setMessage").mockImplementation(function (this: Notice, message: string) {
    this.noticeEl.setText(message);
    Notice.shown__.push(message);
    if (message.includes("Click to cancel")) this.messageEl.dispatch("click");
    return this;
  });
  try {
    await app.runCommand__(`${MANIFEST.id}:which-model`);
    await waitFor(() => Notice.shown__.includes("Bitácora: timing the Whisper models was cancelled."));
  } finally {
    setMessage.mockRestore();
  }
  expect(Modal.open__).toEqual([]);
  await app.runCommand__(`${MANIFEST.id}:which-model`);
  await waitFor(() => modalText().includes("measured (for-tests-ggml-tiny.bin)"), 150_000);
});

test("no model on this device: says how to get one", async () => {
  const app = await App.create__(current.vault.dir);
  app.saveLocalStorage("bitacora-device-settings", { modelsDir: mkdtempSync(path.join(tmpdir(), "bitacora-models-")) });
  const { plugin } = await startPlugin(current.vault, app);
  current.stop = () => stopPlugin(app, plugin);
  await app.runCommand__(`${MANIFEST.id}:which-model`);
  await waitFor(() => Notice.shown__.some((message) => message.startsWith("Bitácora has no Whisper model to time.")));
  expect(Modal.open__).toEqual([]);
});
