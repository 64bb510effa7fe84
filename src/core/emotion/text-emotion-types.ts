/** Emotions the text analyser scores (before fusion with the voice). */
export const TEXT_EMOTIONS = ["joy", "satisfaction", "concern", "frustration", "sadness"] as const;
export type TextEmotion = (typeof TEXT_EMOTIONS)[number];

export const POSITIVE_EMOTIONS: readonly TextEmotion[] = ["joy", "satisfaction"];

