/**
 * Minimal 16-bit PCM WAV reading and writing. whisper.cpp's CLI (1.5 and 1.9) reads 16 kHz
 * 16-bit WAV files, and tests and benchmarks read the shared 16 kHz WAV samples with it.
 */
export function encodeWav16(pcm: Float32Array, sampleRate: number): Buffer {
  return Buffer.concat([wav16Header(pcm.length * 2, sampleRate), int16Samples(pcm)]);
}

/** The 44-byte header of a mono 16-bit PCM WAV holding `dataBytes` of samples. */
export function wav16Header(dataBytes: number, sampleRate: number): Buffer {
  const header = Buffer.alloc(44);
  header.write("RIFF", 0, "ascii");
  header.writeUInt32LE(36 + dataBytes, 4);
  header.write("WAVEfmt ", 8, "ascii");
  header.writeUInt32LE(16, 16);
  header.writeUInt16LE(1, 20); // PCM
  header.writeUInt16LE(1, 22); // mono
  header.writeUInt32LE(sampleRate, 24);
  header.writeUInt32LE(sampleRate * 2, 28);
  header.writeUInt16LE(2, 32);
  header.writeUInt16LE(16, 34);
  header.write("data", 36, "ascii");
  header.writeUInt32LE(dataBytes, 40);
  return header;
}

/** Float samples as little-endian 16-bit integers (clipped to ±1). */
export function int16Samples(pcm: Float32Array): Buffer {
  const body = Buffer.alloc(pcm.length * 2);
  for (let i = 0; i < pcm.length; i++) {
    const clamped = Math.max(-1, Math.min(1, pcm[i]));
    body.writeInt16LE(Math.round(clamped * 32767), i * 2);
  }
  return body;
}

/** Reads a 16-bit PCM WAV into mono float samples (channels are averaged). */
export function decodeWav16(file: Buffer): { pcm: Float32Array; sampleRate: number } {
  if (file.toString("ascii", 0, 4) !== "RIFF" || file.toString("ascii", 8, 12) !== "WAVE") {
    throw new Error("Not a RIFF/WAVE file.");
  }
  let offset = 12;
  let channels = 0;
  let sampleRate = 0;
  let bits = 0;
  while (offset + 8 <= file.length) {
    const id = file.toString("ascii", offset, offset + 4);
    const size = file.readUInt32LE(offset + 4);
    if (id === "fmt ") {
      channels = file.readUInt16LE(offset + 10);
      sampleRate = file.readUInt32LE(offset + 12);
      bits = file.readUInt16LE(offset + 22);
    } else if (id === "data") {
      if (bits !== 16 || channels < 1) throw new Error(`Only 16-bit PCM WAV is supported (got ${bits}-bit, ${channels} channels).`);
      const data = file.subarray(offset + 8, Math.min(file.length, offset + 8 + size));
      const frames = Math.floor(data.length / (2 * channels));
      const pcm = new Float32Array(frames);
      for (let frame = 0; frame < frames; frame++) {
        let sum = 0;
        for (let channel = 0; channel < channels; channel++) sum += data.readInt16LE((frame * channels + channel) * 2);
        pcm[frame] = sum / channels / 32768;
      }
      return { pcm, sampleRate };
    }
    offset += 8 + size + (size & 1);
  }
  throw new Error("The WAV file has no data chunk.");
}
