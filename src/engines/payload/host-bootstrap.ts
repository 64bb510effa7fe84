/**
 * The few lines the plugin hands to Electron-as-Node with `-e` (built into a string constant of
 * main.js): read main.js's payload index, extract the engine host and what it needs at start to
 * the per-payload cache folder, then run the host from there. Node builtins only.
 * argv: <main.js path> <cache root>
 */
import { PayloadCache, PAYLOAD_ENV } from "./payload-reader";

const [mainJs, cacheRoot] = process.argv.slice(-2);
try {
  const payload = new PayloadCache(mainJs, cacheRoot);
  payload.extractEager();
  process.env[PAYLOAD_ENV] = JSON.stringify({ mainJs, cacheRoot });
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- the host, just extracted from main.js
  require(payload.file("engine-host.js"));
} catch (error) {
  process.stderr.write(`Bitácora's engine could not start: ${(error as Error).message}\n`);
  process.exit(70);
}
