/**
 * The service's hook for the optional language model: after the local enrichment, the entry's
 * title, key points and photo description may be rewritten by the model (only the parts the
 * settings allow, only what the transcript/OCR supports). The timeout runs on the service's
 * clock, so it is the same in tests and in use; on timeout or any failure the local entry stands.
 */
import type { LogEntry } from "../log/entry";
import { neutraliseEngineText, neutraliseFindings } from "../log/engine-text";
import type { Clock, VaultPort } from "../ports";
import { serverApproved } from "../settings/server-approval";
import type { BitacoraSettings } from "../settings/settings";
import { chatLanguageModel, type HttpPost } from "./chat-api";
import type { LanguageModelPort } from "./language-model";
import { photoImage } from "./photo-image";
import { refineEntryText } from "./refine";

/** Where the entry's attachment is, so a photo can be shown to a vision model. */
export interface EntryMedia {
  path: string;
  vault: Pick<VaultPort, "readBinary">;
}

export type RefineEntry = (entry: LogEntry, settings: BitacoraSettings, media?: EntryMedia) => Promise<LogEntry>;

/** A model whose answer must come before `timeoutMs` on `clock`, else the request is cancelled. */
function clockBounded(model: LanguageModelPort, clock: Clock): LanguageModelPort {
  return {
    async complete(messages, { timeoutMs }) {
      const controller = new AbortController();
      const timedOut = clock.sleep(timeoutMs, controller.signal).then(() => {
        throw new Error(`The model server did not answer within ${Math.round(timeoutMs / 1000)} s (timeout).`);
      });
      // The poster's own timer is a backstop only: the clock decides.
      const answer = model.complete(messages, { timeoutMs: timeoutMs * 2, signal: controller.signal });
      try {
        return await Promise.race([answer, timedOut]);
      } finally {
        controller.abort();
        answer.catch(() => undefined);
        timedOut.catch(() => undefined);
      }
    },
  };
}

/**
 * The refiner the plugin and the CLI supply; it reads the settings at each entry, so turning it
 * off applies at once. The address syncs with the vault, so text goes to another computer only
 * when this device approved that address (`approvedServers`, as for the photo captioner).
 */
export function languageModelRefiner(post: HttpPost, clock: Clock, approvedServers: () => readonly string[]): RefineEntry {
  return async (entry, settings, media) => {
    if (!settings.languageModelEnabled || !settings.languageModelName) return entry;
    if (!serverApproved(settings.languageModelUrl, approvedServers())) return entry;
    const { audio, image } = entry.findings ?? {};
    const ocrText = image?.ocrLines?.join("\n");
    // A photo with no text still goes to a vision model when it may write the description.
    const seesPhoto = !!image && !!media && settings.languageModelWritesDescription;
    if (!audio?.transcript && !ocrText && !seesPhoto) return entry;
    const model = clockBounded(chatLanguageModel({ api: settings.languageModelApi, url: settings.languageModelUrl, model: settings.languageModelName }, post), clock);
    const local = { title: entry.title, keyPoints: audio?.keyPoints ?? [], description: image?.description };
    // Only when the model may write the description does it see the photo.
    const picture = seesPhoto ? await photoImage(media.vault, media.path) : undefined;
    const source = { language: settings.logLanguage, transcript: audio?.transcript, ocrText, description: image?.description, image: picture };
    const refined = await refineEntryText(local, source, model, {
      timeoutMs: settings.languageModelTimeoutMs,
    });
    if (refined.source === "local") return entry;
    const findings = entry.findings && {
      ...entry.findings,
      audio: audio && { ...audio, keyPoints: settings.languageModelWritesKeyPoints && refined.keyPoints.length ? refined.keyPoints : audio.keyPoints },
      image: image && { ...image, description: settings.languageModelWritesDescription ? refined.description : image.description },
    };
    // What the model wrote is data, never note structure (as engine output is).
    return { ...entry, title: settings.languageModelWritesTitle ? neutraliseEngineText(refined.title) : entry.title, findings: findings && neutraliseFindings(findings) };
  };
}
