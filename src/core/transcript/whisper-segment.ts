/**
 * One stretch of Whisper's output, as every engine (addon, binding, CLI, server) hands it back and
 * as the transcript logic (time mapping, hallucination guard, speaker turns) reads it.
 */
export interface WhisperSegment {
  /** Seconds: from the start of the chunk given to the engine, then of the recording once mapped. */
  start: number;
  end: number;
  text: string;
  /** Whisper's no-speech probability for the segment, when the engine exposes it. */
  noSpeechProb?: number;
  /** The server's speaker label (diarization), as it gave it: "SPEAKER_00", "A", "1". */
  speaker?: string;
}
