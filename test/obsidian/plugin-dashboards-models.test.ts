/**
 * The plugin in the Obsidian stand-in: dashboards follow the log, and "Download Whisper model"
 * runs in the real engine host against a loopback server (no internet in tests).
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import { MANIFEST, presetSettings, startPlugin, stopPlugin, waitFor, perTestVault } from "./harness";
import { Modal, Notice } from "../obsidian-stand-in/obsidian";

const current = perTestVault();

test("a processed photo shows up in the Sprint dashboard; 'Update dashboards' rebuilds it and keeps the user's text", async () => {
  presetSettings(current.vault, { sprintFirstDay: "2025-07-21", firstRun: "queue-existing" });
  current.vault.writeText("Dashboards/Sprint.md", "# Sprint\n\nMy own retrospective notes.\n");
  current.vault.seed("photos_coco/000000000802.jpg", "Attachments/IMG_20250730_084510.jpg");
  const { app, plugin } = await startPlugin(current.vault);
  try {
    const logText = () => {
      try {
        return current.vault.readText("Logs/2025-07-30.md");
      } catch {
        return "";
      }
    };
    await waitFor(() => logText().includes("\nstatus:: Processed\n"), 120000);
    await app.runCommand__(`${MANIFEST.id}:update-dashboards`);
    const sprint = current.vault.readText("Dashboards/Sprint.md");
    expect(sprint).toContain("My own retrospective notes.");
    expect(sprint).toContain("%% bitacora:dashboard:start %%");
    expect(sprint).toContain("2025-07-21");
    expect(current.vault.readText("Dashboards/Deployments.md")).toContain("%% bitacora:dashboard:start %%");
    expect(Notice.shown__).toContain("Bitácora: dashboards updated.");
  } finally {
    await stopPlugin(app, plugin);
  }
});

test("'Download Whisper model' downloads in the engine host with progress; bytes that fail the SHA-256 check are refused", async () => {
  const body = Buffer.alloc(2 * 1024 * 1024, 1);
  const server = http.createServer((_req, res) => {
    res.writeHead(200, { "content-length": body.length });
    res.end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  process.env.BITACORA_TEST_MODEL_BASE_URL = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const { app, plugin } = await startPlugin(current.vault);
  try {
    await app.runCommand__(`${MANIFEST.id}:download-whisper-model`);
    const picker = Modal.open__[Modal.open__.length - 1] as unknown as {
      getSuggestions(q: string): { name: string }[];
      onChooseSuggestion(model: { name: string }): void;
    };
    const [tiny] = picker.getSuggestions("tiny");
    expect(tiny.name).toBe("tiny");
    picker.onChooseSuggestion(tiny);
    const failure = await waitFor(() => Notice.shown__.find((m) => m.startsWith("Bitácora: download failed.")), 60000);
    expect(failure).toMatch(/checksum|SHA|bytes/i);
    expect(Notice.shown__.some((m) => m.includes("downloading Whisper tiny"))).toBe(true);
  } finally {
    delete process.env.BITACORA_TEST_MODEL_BASE_URL;
    server.close();
    await stopPlugin(app, plugin);
  }
});
