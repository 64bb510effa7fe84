/**
 * Settings → Photos → "OCR language data": the row says what the download is (size, host, folder)
 * and whether this device has it; its button downloads in the real engine host with progress in
 * the row, and a second click cancels. Files come from a loopback server serving the npm
 * packages' bytes (no internet in tests; the real host is jsDelivr).
 */
import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { App, Setting } from "../obsidian-stand-in/obsidian";
import { REPO, TEST_WHISPER_MODEL, makeVault, startPlugin, stopPlugin, waitFor, type PluginUnderTest } from "./harness";

const published = (lang: string) => readFileSync(path.join(REPO, `node_modules/@tesseract.js-data/${lang}/4.0.0_best_int/${lang}.traineddata.gz`));
const sha = (bytes: Buffer) => createHash("sha256").update(bytes).digest("hex");

let server: http.Server;
/** Until released, the server sends the first 512 KiB of a file and then holds the connection. */
let stall = true;

beforeAll(async () => {
  server = http.createServer((req, res) => {
    const lang = /^\/(spa|eng)\.traineddata\.gz$/.exec(req.url ?? "")?.[1];
    if (!lang) return void res.writeHead(404).end();
    const body = published(lang);
    res.writeHead(200, { "content-length": body.length });
    if (stall) res.write(body.subarray(0, 512 * 1024));
    else res.end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  process.env.BITACORA_TEST_MODEL_BASE_URL = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => {
  delete process.env.BITACORA_TEST_MODEL_BASE_URL;
  server.closeAllConnections();
  server.close();
});

test("the row shows size, host and folder; its button downloads with progress, cancels on a second click, and installs", async () => {
  const vault = makeVault();
  const modelsDir = mkdtempSync(path.join(tmpdir(), "bitacora-models-"));
  const app = await App.create__(vault.dir);
  app.saveLocalStorage("bitacora-device-settings", { whisperModelPath: TEST_WHISPER_MODEL, modelsDir });
  const { plugin } = await startPlugin(vault, app);
  const row = () => {
    (app as unknown as { settingTabs__: { display(): void }[] }).settingTabs__[0].display();
    return Setting.all__.filter((s) => s.nameEl.getText() === "OCR language data").pop()!;
  };
  const description = (setting: Setting) => setting.descEl.getText();
  try {
    let setting = row();
    const folder = path.join(modelsDir, "tesseract-spa-eng");
    await waitFor(() => description(setting).includes("Not downloaded yet"), 10000);
    expect(description(setting)).toBe(
      `Spanish and English text recognition for photos: 4.8 MiB from cdn.jsdelivr.net, checked with SHA-256, saved in ${folder}. Not downloaded yet: until it is, photos get no text read.`,
    );
    const button = setting.controlEl.findAll((el) => el.tagName === "button")[0];
    expect(button.getText()).toBe("Download");

    button.click();
    expect(button.getText()).toBe("Cancel download");
    await waitFor(() => /Downloading the OCR language data: \d+ of ~5 MiB \(\d+%\)/.test(description(setting)), 30000);
    button.click(); // cancel
    await waitFor(() => description(setting).includes("Download cancelled; it resumes where it stopped next time. Not downloaded yet"), 30000);
    expect(button.getText()).toBe("Download");

    stall = false;
    server.closeAllConnections();
    setting = row();
    const again = setting.controlEl.findAll((el) => el.tagName === "button")[0];
    again.click();
    await waitFor(() => description(setting).endsWith("Installed on this device."), 60000);
    expect(again.getText()).toBe("Download again");
    for (const lang of ["spa", "eng"]) expect(sha(readFileSync(path.join(folder, `${lang}.traineddata.gz`)))).toBe(sha(published(lang)));
  } finally {
    await stopPlugin(app, plugin as PluginUnderTest);
    vault.remove();
    rmSync(modelsDir, { recursive: true, force: true });
  }
}, 120000);
