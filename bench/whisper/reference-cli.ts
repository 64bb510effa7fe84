import { spawnSync } from "node:child_process";
import { cpSync, existsSync } from "node:fs";
import { availableParallelism } from "node:os";
import path from "node:path";
import { CACHE, CLI_191, ROOT } from "./bench-common";

/**
 * whisper.cpp 1.9.1's own CLI, the reference for benchmark 3: built once into bench/.cache from the
 * same source tree the addon is built from (npm nodejs-whisper 0.3.1), with the same compiler
 * and GGML_NATIVE, so the only difference measured is the engine around whisper.cpp.
 */
export function ensureReferenceCli(): string {
  if (existsSync(CLI_191)) return CLI_191;
  const source = path.join(ROOT, "node_modules/nodejs-whisper/cpp/whisper.cpp");
  const tree = path.join(CACHE, "whisper-cpp-1.9.1");
  if (!existsSync(tree)) cpSync(source, tree, { recursive: true });
  console.log("Building whisper.cpp's whisper-cli (once, a few minutes)...");
  const step = (args: string[]) => {
    const result = spawnSync("cmake", args, { cwd: tree, stdio: "inherit" });
    if (result.status !== 0) throw new Error(`cmake ${args.join(" ")} failed`);
  };
  step(["-B", "build", "-DCMAKE_BUILD_TYPE=Release", "-DGGML_NATIVE=ON", "-DWHISPER_BUILD_TESTS=OFF", "-DWHISPER_SDL2=OFF", "-DBUILD_SHARED_LIBS=OFF"]);
  step(["--build", "build", "-j", String(availableParallelism()), "--target", "whisper-cli"]);
  return CLI_191;
}
