#!/usr/bin/env node
// A stand-in for whisper.cpp's whisper-cli, for the entries evaluation only: it speaks the same
// arguments and JSON output (-f input.wav, -l, -oj -of base) and answers with the known
// transcript of the recording whose speech length is nearest the audio it was given. The eval
// builds every recording with its own length, so the match is unambiguous. No Whisper weights
// exist on the build machines; this is what stands in for them.
import { appendFileSync, readFileSync, writeFileSync } from "node:fs";

const args = process.argv.slice(2);
const value = (flag) => {
  const at = args.indexOf(flag);
  return at >= 0 ? args[at + 1] : undefined;
};
const wavPath = value("-f");
const outputBase = value("-of");
const manifestPath = process.env.BITACORA_EVAL_TRANSCRIPTS;
if (!wavPath || !outputBase || !args.includes("-oj") || !manifestPath) {
  process.stderr.write("usage: whisper-stand-in -f input.wav -oj -of base (BITACORA_EVAL_TRANSCRIPTS names the manifest)\n");
  process.exit(2);
}

/** Seconds of 16-bit PCM in a WAV file: the size of its data chunk over the byte rate. */
function wavSeconds(buffer) {
  const byteRate = buffer.readUInt32LE(28);
  let offset = 12;
  while (offset + 8 <= buffer.length) {
    const id = buffer.toString("ascii", offset, offset + 4);
    const size = buffer.readUInt32LE(offset + 4);
    if (id === "data") return Math.min(size, buffer.length - offset - 8) / byteRate;
    offset += 8 + size + (size % 2);
  }
  throw new Error("no data chunk");
}

const seconds = wavSeconds(readFileSync(wavPath));
const recordings = JSON.parse(readFileSync(manifestPath, "utf8"));
const best = recordings.reduce((a, b) => (Math.abs(b.speechSec - seconds) < Math.abs(a.speechSec - seconds) ? b : a));
// One segment per sentence, spread over the audio in proportion to its length.
const sentences = best.text.split(/(?<=[.!?])\s+/).map((s) => s.trim()).filter(Boolean);
const total = sentences.reduce((n, s) => n + s.length, 0);
let at = 0;
const transcription = sentences.map((text) => {
  const from = Math.round((at / total) * seconds * 1000);
  at += text.length;
  const to = Math.round((at / total) * seconds * 1000);
  return { offsets: { from, to }, text: ` ${text}` };
});
writeFileSync(`${outputBase}.json`, JSON.stringify({ result: { language: best.language }, transcription }));
if (process.env.BITACORA_EVAL_STAND_IN_LOG) {
  appendFileSync(process.env.BITACORA_EVAL_STAND_IN_LOG, JSON.stringify({ seconds, matched: best.file, off: Math.abs(best.speechSec - seconds) }) + "\n");
}
