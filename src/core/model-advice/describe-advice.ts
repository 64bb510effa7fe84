import type { ModelAdvice } from "./model-recommendation";

/** One line per size (real-time factor, minutes per hour of audio, measured or estimated). */
export function adviceRows(advice: ModelAdvice): string[] {
  return advice.rows.map((row) => {
    const how = row.measured ? `measured (${row.model})` : "estimated";
    return `  ${row.size.padEnd(15)} ${row.rtf.toFixed(2).padStart(6)}× real time  ${String(row.minutesPerHour).padStart(4)} min per hour of audio  ${how}`;
  });
}

/** The size to use, in a sentence (the CLI prints it; the plugin's modal shows it). */
export function adviceVerdict(advice: ModelAdvice): string {
  if (advice.rows.length === 0) return "None of these files is a Whisper size Bitácora knows (tiny, base, small, medium, large-v3-turbo).";
  return advice.recommended
    ? `Use ${advice.recommended.size}: the largest that transcribes an hour in ${advice.recommended.minutesPerHour} min (limit: real-time factor ${advice.maxRtf}).${advice.recommended.measured ? "" : " Its time is estimated: download it and run this again to measure it."}`
    : `Even the smallest model takes longer than ${advice.maxRtf}× the audio here: use tiny, or a transcription server (docs/server.md).`;
}

/** The whole advice as text, rows then verdict. */
export function describeAdvice(advice: ModelAdvice): string {
  return `${[...adviceRows(advice), adviceVerdict(advice)].join("\n")}\n`;
}
