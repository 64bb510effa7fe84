import { createEmotionProcessor } from "./emotion-processor";
import { measureRecording } from "./measure-recording";

/** The emotion processor with the native decoder (CLI, npm-installed host). */
export const emotionProcessor = createEmotionProcessor(measureRecording);
