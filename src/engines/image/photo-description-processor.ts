/**
 * Reads the text of a photo (OCR), decides what kind of picture it is, pulls out the key
 * facts, asks a captioner what it shows when one is configured, and writes the description
 * in the log's language. Runs after image-metadata (which supplies camera and dimensions).
 */
import { describePhoto } from "../../core/photo/describe-photo";
import { classifyImage, type ImageKind } from "../../core/photo/image-kind";
import { groupRows, labelTableRows } from "../../core/photo/layout";
import { kindOfScreen, readScreen, trainingTitle } from "../../core/photo/screen";
import { extractTextFacts } from "../../core/photo/text-facts";
import type { MediaProcessor, ProcessorFindings } from "../../core/processing/processor-port";
import { throwIfCancelled } from "../host/engine-error";
import type { CaptionResult } from "./captioner";
import type { PhotoEngines } from "./photo-engines";

/** Kinds where a caption adds what the text cannot: rooms, people, boards in context. */
const CAPTIONED_KINDS: readonly ImageKind[] = ["photo", "whiteboard"];

function ocrLanguagesMissingLine(language: string): string {
  return language === "es"
    ? "No se pudo leer el texto de la foto: los datos de idioma del OCR no están descargados (comando «Download OCR language data»)."
    : "The text in the photo could not be read: the OCR language data is not downloaded (command “Download OCR language data”).";
}

function throwIfAborted(signal: AbortSignal): void {
  throwIfCancelled(signal);
}

export const createPhotoDescriptionProcessor = (engines: PhotoEngines): MediaProcessor => ({
  name: "photo-description",
  kinds: ["image"],
  async process(job, findings, context): Promise<ProcessorFindings> {
    const { signal, options } = context;
    await engines.decoder.assertDecodable(job.absPath);
    // Without the downloaded languages the photo still gets its entry, saying why no text was read.
    if (await engines.ocrLanguagesMissing(options)) {
      return { ...findings, image: { ...findings.image, description: ocrLanguagesMissingLine(options.logLanguage), ocrLines: [] } };
    }
    context.onProgress({ stage: "Reading the text in the photo", fraction: 0.05 });
    const ocrImage = await engines.decoder.ocrImage(job.absPath);
    throwIfAborted(signal);
    const read = await engines.ocr(options).read(ocrImage.file, signal);
    const engine = read.engine;
    throwIfAborted(signal);
    // Rows from the boxes' geometry keep table rows and label–value pairs together.
    const lines = groupRows(read.lines);
    const lineFacts = extractTextFacts(labelTableRows(lines.map((line) => line.text)));
    const kind = classifyImage({
      width: ocrImage.width,
      height: ocrImage.height,
      // Text only PaddleOCR could read is tilted or curved: photographed, whatever the EXIF says.
      fromCamera: Boolean(findings.image?.camera) || engine === "paddle",
      meanLuminance: ocrImage.meanLuminance,
      lines,
      facts: lineFacts,
    });
    // A document's sentences wrap across lines ("tiempo de respuesta / promedio fue de 195 ms").
    const facts = kind === "document" ? extractTextFacts([lines.map((line) => line.text).join(" ")]) : lineFacts;
    let caption: CaptionResult | undefined;
    const captioner = CAPTIONED_KINDS.includes(kind) ? await engines.captionerFor(options) : undefined;
    if (captioner) {
      context.onProgress({ stage: `Describing the photo (${captioner.name})`, fraction: 0.6 });
      // A captioner that is down or missing must not cost the user the OCR description.
      caption = await captioner.caption(job.absPath, options.logLanguage, signal).catch((error: unknown) => {
        if (signal.aborted) throw error;
        process.stderr.write(`captioner ${captioner.name} failed: ${(error as Error).message}\n`);
        return undefined;
      });
    }
    const peopleCount = caption?.peopleCount ?? findings.image?.peopleCount;
    const rowTexts = lines.map((line) => line.text);
    const screen = readScreen(rowTexts, options.logLanguage);
    const description = describePhoto({
      language: options.logLanguage,
      kind,
      facts,
      firstLine: lines[0]?.text,
      caption,
      peopleCount,
      screen,
    });
    context.onProgress({ stage: "Photo described", fraction: 1 });
    // The activity and its object, for entries that have no words of their own to title them.
    const title = screen?.title ?? trainingTitle(rowTexts, options.logLanguage);
    return {
      ...findings,
      ...(title ? { title } : {}),
      image: {
        ...findings.image,
        imageKind: kindOfScreen(screen, kind),
        description,
        ocrLines: lines.map((line) => line.text),
        peopleCount,
      },
    };
  },
});
