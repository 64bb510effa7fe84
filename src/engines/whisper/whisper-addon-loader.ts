type AddonModule = typeof import("@bitacora/whisper-addon");

export type AddonLoad = { ok: true; module: AddonModule } | { ok: false; reason: string };

let loaded: AddonLoad | null = null;

/**
 * Loads Bitácora's whisper.cpp addon once per process. It is missing where no C++ toolchain
 * built it at install time; the caller then falls back to the prebuilt binding.
 */
export function loadWhisperAddon(): AddonLoad {
  if (!loaded) {
    try {
      // eslint-disable-next-line @typescript-eslint/no-require-imports -- a native addon, resolved at run time
      loaded = { ok: true, module: require("@bitacora/whisper-addon") as AddonModule };
    } catch (error) {
      loaded = { ok: false, reason: (error as Error).message };
    }
  }
  return loaded;
}
