import { access } from "node:fs/promises";
import { EngineError } from "../host/engine-error";

/**
 * Opens a Whisper model through a native binding, with the same errors whichever binding it is:
 * a missing file or a file the binding rejects is "no-model" (the user can fix it), a binding
 * that does not load on this system is "internal".
 */
export async function openNativeModel<Binding, Model>(
  modelPath: string,
  loadBinding: () => Promise<Binding>,
  open: (binding: Binding) => Promise<Model>,
): Promise<Model> {
  try {
    await access(modelPath);
  } catch {
    throw new EngineError("no-model", `The Whisper model file was not found: ${modelPath}.`);
  }
  let binding: Binding;
  try {
    binding = await loadBinding();
  } catch (error) {
    throw new EngineError("internal", `The Whisper engine could not be loaded on this system: ${(error as Error).message}`);
  }
  try {
    return await open(binding);
  } catch (error) {
    throw new EngineError(
      "no-model",
      `The Whisper model at ${modelPath} could not be loaded (${(error as Error).message}). Download it again or choose another ggml model file.`,
    );
  }
}

/** Loads a model once and keeps it; a failed load is forgotten so the user can fix the path and retry. */
export class ModelSlot<Model> {
  private model: Promise<Model> | null = null;

  constructor(private readonly load: () => Promise<Model>) {}

  get(): Promise<Model> {
    if (!this.model) {
      this.model = this.load();
      this.model.catch(() => (this.model = null));
    }
    return this.model;
  }

  /** Empties the slot and hands back the loaded model, if any, for the caller to free. */
  async take(): Promise<Model | null> {
    const model = this.model;
    this.model = null;
    return model ? model.catch(() => null) : null;
  }
}
