/**
 * The plugin's renderer decoder with Chromium standing in for Obsidian's renderer: the same
 * worker code (the file the engine host extracted from main.js), session and WAV writer, but the
 * worker runs in a real Chromium page (jest has no Web Workers or WebCodecs) and reads the
 * recording over loopback HTTP ranges instead of Node's fs.
 */
import { randomUUID } from "node:crypto";
import path from "node:path";
import type { ParentDecoderPort } from "../../src/engines/audio/wav-decoder-port";
import { WavFileWriter } from "../../src/engines/audio/wav-file-writer";
import type { ChromiumDecodePage } from "./chromium-page";

export interface ChromiumDecoderCall {
  absPath: string;
  workerScript: string | undefined;
  wavPath?: string;
}

export function chromiumDecoder(page: ChromiumDecodePage, folder: string, calls: ChromiumDecoderCall[] = []): ParentDecoderPort {
  return {
    async toWav(absPath, workerScript) {
      const call: ChromiumDecoderCall = { absPath, workerScript };
      calls.push(call);
      const decoded = await page.decode(absPath, { workerScript });
      if (!decoded.ok) throw new Error(decoded.message);
      const wav = await WavFileWriter.create(path.join(folder, `${randomUUID()}.wav`));
      await wav.append(decoded.pcm);
      call.wavPath = await wav.close();
      return call.wavPath;
    },
  };
}
