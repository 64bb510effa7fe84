/** Which engine host the plugin starts: the native pack unpacked by hand for this version, else the embedded one. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { chooseEngineLaunch } from "../../src/obsidian/engine-launch";

let pluginDir: string;
beforeEach(() => (pluginDir = mkdtempSync(path.join(tmpdir(), "bitacora plugin ü "))));
afterEach(() => rmSync(pluginDir, { recursive: true, force: true }));

function unpackNativePack(version: string): string {
  const pack = path.join(pluginDir, "native");
  mkdirSync(pack, { recursive: true });
  writeFileSync(path.join(pack, "engine-host.js"), "");
  writeFileSync(path.join(pack, "native-pack.json"), JSON.stringify({ version }));
  return path.join(pack, "engine-host.js");
}

test("three files: the host embedded in main.js, cached outside the vault", () => {
  const chosen = chooseEngineLaunch(pluginDir, "1.2.0", "bootstrap code");
  expect(chosen.engine).toBe("built-in");
  expect(chosen.warning).toBeUndefined();
  expect(chosen.launch?.embedded).toMatchObject({ bootstrap: "bootstrap code", mainJs: path.join(pluginDir, "main.js") });
  expect(path.relative(pluginDir, chosen.launch!.embedded!.cacheRoot).startsWith("..")).toBe(true);
});

test("a native pack of the same version is used", () => {
  const script = unpackNativePack("1.2.0");
  expect(chooseEngineLaunch(pluginDir, "1.2.0", "bootstrap code")).toEqual({ launch: { hostScript: script }, engine: "native pack" });
});

test("a native pack of another version is ignored with a warning", () => {
  unpackNativePack("1.1.0");
  const chosen = chooseEngineLaunch(pluginDir, "1.2.0", "bootstrap code");
  expect(chosen.engine).toBe("built-in");
  expect(chosen.warning).toMatch(/for version 1\.1\.0, not 1\.2\.0/);
});

test("a development build without payload nor native pack says so", () => {
  const chosen = chooseEngineLaunch(pluginDir, "1.2.0", undefined);
  expect(chosen.engine).toBe("none");
  expect(chosen.warning).toMatch(/cannot process attachments/);
});
