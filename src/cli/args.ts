import { parseArgs } from "node:util";

export const USAGE = `bitacora — turn a vault's recordings and photos into a time-stamped log, locally

Usage:
  bitacora process <vault> [options]   process every unprocessed attachment, write the log
  bitacora which-model [model files…]  time each installed Whisper model (or the files given) on
                                       a bundled 30 s clip and recommend the largest that keeps up
                                       (--runs <n> per model, default 2; --threads; --json)
  bitacora status <vault> [--json]     show the queue and the ledger
  bitacora --help | --version

Options for process:
  --watch              keep running and process new attachments as they appear
  --json               print one JSON object per event instead of a progress bar
  --model <path>       Whisper ggml model file (device-local; never synced)
  --whisper-cli <path> use whisper.cpp's own whisper-cli instead of the built-in binding
  --whisper-engine <e> built-in Whisper engine: native (default: the addon built at install)
                       or wasm (whisper.cpp as WebAssembly, as in the plugin)
  --language <code>    Whisper language: auto (default), es, en, ...
  --log-language <l>   language of the log text: es (default) or en
  --threads <n>        threads for Whisper (default 2)
  --timeout <seconds>  stop one attachment after this long (default 3600)
  --reprocess          process attachments again even if the ledger has them
  --allow-server <url> let photos go to this Ollama address from the vault's settings when it is
                       not this computer (repeatable; the vault alone cannot allow it)
  --server <url>       transcribe on an OpenAI-compatible server (…/v1/audio/transcriptions);
                       its API key, if any, comes from BITACORA_SERVER_API_KEY (docs/server.md)
  --server-model <m>   model name the server knows
  --no-fallback        fail instead of transcribing locally when the server fails

  --config-dir <name>  the vault's Obsidian configuration folder (default: the one folder at the
                       vault root whose plugins/bitacora/data.json exists)

Settings come from <vault>/<config folder>/plugins/bitacora/data.json when the plugin is installed.
The CLI keeps its queue and ledger in <vault>/.bitacora/state.json.

Exit codes: 0 all processed, 1 some attachments failed, 2 usage error, 3 vault not found.`;

export interface CliArgs {
  command: "process" | "status" | "which-model" | "help" | "version";
  /** Model files to time (which-model); none means the installed ones. */
  models?: string[];
  /** Runs per model (which-model); the fastest counts. */
  runs?: number;
  vault?: string;
  watch: boolean;
  json: boolean;
  model?: string;
  whisperCli?: string;
  whisperEngine?: "native" | "wasm";
  language?: string;
  logLanguage?: string;
  threads?: number;
  timeout?: number;
  reprocess: boolean;
  allowServers: string[];
  server?: string;
  serverModel?: string;
  noFallback: boolean;
  configDir?: string;
}

export class UsageError extends Error {}

function positiveNumber(name: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0) throw new UsageError(`--${name} needs a positive number.`);
  return n;
}

export function parseCliArgs(argv: string[]): CliArgs {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        help: { type: "boolean", short: "h" },
        version: { type: "boolean" },
        watch: { type: "boolean" },
        json: { type: "boolean" },
        model: { type: "string" },
        "whisper-cli": { type: "string" },
        "whisper-engine": { type: "string" },
        language: { type: "string" },
        "log-language": { type: "string" },
        threads: { type: "string" },
        timeout: { type: "string" },
        reprocess: { type: "boolean" },
        "allow-server": { type: "string", multiple: true },
        server: { type: "string" },
        "server-model": { type: "string" },
        "no-fallback": { type: "boolean" },
        "config-dir": { type: "string" },
        runs: { type: "string" },
      },
    });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const { values, positionals } = parsed;
  const base = {
    watch: !!values.watch,
    json: !!values.json,
    reprocess: !!values.reprocess,
    allowServers: values["allow-server"] ?? [],
    noFallback: !!values["no-fallback"],
  };
  if (values.help) return { command: "help", ...base };
  if (values.version) return { command: "version", ...base };
  const [command, vault, ...rest] = positionals;
  if (!command) return { command: "help", ...base };
  if (command === "which-model") return { command, ...base, models: [vault, ...rest].filter(Boolean), threads: positiveNumber("threads", values.threads), runs: positiveNumber("runs", values.runs) };
  if (command !== "process" && command !== "status") throw new UsageError(`Unknown command "${command}".`);
  if (!vault) throw new UsageError(`"${command}" needs the path of a vault folder.`);
  if (rest.length) throw new UsageError(`Unexpected argument "${rest[0]}".`);
  const number = positiveNumber;
  const whisperEngine = values["whisper-engine"];
  if (whisperEngine !== undefined && whisperEngine !== "native" && whisperEngine !== "wasm") throw new UsageError("--whisper-engine is native or wasm.");
  const configDir = values["config-dir"];
  // One folder name at the vault root, as Obsidian allows: nothing that climbs out of the vault.
  if (configDir !== undefined && (!/^\.[^/\\]+$/.test(configDir) || configDir === "..")) {
    throw new UsageError(`--config-dir is the name of a folder at the vault root that starts with a dot, not "${configDir}".`);
  }
  const logLanguage = values["log-language"];
  if (logLanguage !== undefined && logLanguage !== "es" && logLanguage !== "en") throw new UsageError("--log-language is es or en.");
  return {
    command,
    vault,
    ...base,
    model: values.model,
    whisperCli: values["whisper-cli"],
    whisperEngine,
    language: values.language,
    logLanguage,
    threads: number("threads", values.threads),
    timeout: number("timeout", values.timeout),
    server: values.server,
    serverModel: values["server-model"],
    configDir,
  };
}
