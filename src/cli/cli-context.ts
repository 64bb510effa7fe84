import { existsSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { BitacoraService } from "../core/service/bitacora-service";
import { DashboardUpdater } from "../core/service/dashboard-updater";
import { migrateSettings } from "../core/settings/migrate-settings";
import { DEFAULT_DEVICE_SETTINGS, type BitacoraSettings, type DeviceSettings } from "../core/settings/settings";
import { EngineClient } from "../engines/host/engine-client";
import type { CliArgs } from "./args";
import { serverApproved, serverOrigin } from "../core/settings/server-approval";
import { FsVault } from "./adapters/fs-vault";
import { JsonFileState } from "./adapters/json-file-state";
import { nodeClock } from "../engines/system/node-clock";
import { sha256FileHasher } from "../engines/system/file-hasher";
import { topicNotesOnDisk } from "./adapters/topic-notes-on-disk";
import { pluginSettingsFile } from "./adapters/plugin-settings-file";
import { languageModelRefiner } from "../core/llm/entry-refiner";
import { nodeHttpPost } from "../engines/llm/node-http-post";

export class VaultNotFoundError extends Error {}

/** The plugin's synced settings when it is installed in this vault; defaults otherwise. */
function loadSettings(root: string, args: CliArgs): BitacoraSettings {
  const file = pluginSettingsFile(root, args.configDir);
  let raw: unknown;
  if (file) {
    try {
      raw = JSON.parse(readFileSync(file, "utf8"));
    } catch {
      raw = undefined;
    }
  }
  const { settings } = migrateSettings(raw, (message) => process.stderr.write(`bitacora: ${message}\n`));
  // The CLI processes what it is pointed at: nothing is skipped as "already there on first run".
  settings.firstRun = "queue-existing";
  if (args.logLanguage === "es" || args.logLanguage === "en") settings.logLanguage = args.logLanguage;
  if (args.language) settings.whisperLanguage = args.language;
  return settings;
}

export function createCliContext(args: CliArgs) {
  const root = path.resolve(args.vault ?? ".");
  if (!existsSync(root) || !statSync(root).isDirectory()) throw new VaultNotFoundError(`No vault folder at ${root}.`);
  const settings = loadSettings(root, args);
  const device: DeviceSettings = {
    ...DEFAULT_DEVICE_SETTINGS,
    whisperModelPath: args.model ? path.resolve(args.model) : (process.env.BITACORA_WHISPER_MODEL ?? ""),
    whisperCliPath: args.whisperCli ? path.resolve(args.whisperCli) : (process.env.BITACORA_WHISPER_CLI ?? ""),
    modelsDir: process.env.BITACORA_MODELS_DIR ?? "",
    threads: args.threads ?? DEFAULT_DEVICE_SETTINGS.threads,
    timeoutSec: args.timeout ?? DEFAULT_DEVICE_SETTINGS.timeoutSec,
    approvedServers: args.allowServers.map(serverOrigin).filter((origin): origin is string => origin !== null),
    serverUrl: args.server ?? "",
    serverModel: args.serverModel ?? "",
    // From the environment, so the key never shows in a process listing or shell history.
    serverApiKey: process.env.BITACORA_SERVER_API_KEY ?? "",
    serverFallbackToLocal: !args.noFallback,
  };
  if (settings.captioner === "ollama" && !serverApproved(settings.ollamaUrl, device.approvedServers)) {
    process.stderr.write(
      `bitacora: photos are not sent to ${settings.ollamaUrl}: that address comes from the vault's settings and is not this computer. ` +
        `To allow it, run with --allow-server ${settings.ollamaUrl}\n`,
    );
  }
  // The engine host inherits the environment; the transcription processor reads the choice there.
  if (args.whisperEngine) process.env.BITACORA_WHISPER_ENGINE = args.whisperEngine;
  const vault = new FsVault(root);
  const engine = new EngineClient({ hostScript: path.join(__dirname, "engine-host.js") });
  const stateFile = path.join(root, ".bitacora", "state.json");
  const dashboards = new DashboardUpdater(vault, () => settings, nodeClock);
  const service = new BitacoraService({
    vault,
    engine,
    state: new JsonFileState(stateFile),
    clock: nodeClock,
    hasher: sha256FileHasher,
    settings: () => settings,
    device: () => device,
    topics: () => topicNotesOnDisk(vault, settings),
    onEntryWritten: (notePath) => dashboards.noteChanged(notePath),
    // Off by default: the refiner sends nothing unless the settings turn the language model on.
    refineEntry: languageModelRefiner(nodeHttpPost, nodeClock, () => device.approvedServers),
  });
  return { root, settings, vault, engine, service, stateFile, dashboards };
}
