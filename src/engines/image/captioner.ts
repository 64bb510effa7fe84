/** A model that says, in words, what a photo shows. Optional: descriptions work without one. */
import type { LogLanguage } from "../../core/processing/engine-options";
import type { Caption } from "../../core/photo/describe-photo";

export interface CaptionResult extends Caption {
  /** People the model says are visible, when it says so. */
  peopleCount?: number;
}

export interface Captioner {
  readonly name: string;
  caption(absPath: string, language: LogLanguage, signal: AbortSignal): Promise<CaptionResult | undefined>;
  dispose?(): Promise<void>;
}
