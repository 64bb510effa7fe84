/**
 * The photo engines with native code, for the CLI and the npm-installed engine host: sharp,
 * onnxruntime-node, Tesseract with PaddleOCR (onnxruntime-node) as the second opinion.
 */
import { nativeOnnx } from "../onnx/native-onnx";
import { sharpPhotoDecoder } from "./decode-image";
import { OcrStrategy } from "./ocr-strategy";
import { PaddleOcr } from "./paddle-ocr";
import { PhotoEngines } from "./photo-engines";
import { TesseractOcr } from "./tesseract-ocr";

export const nativePhotoEngines = new PhotoEngines({
  decoder: sharpPhotoDecoder,
  onnx: nativeOnnx,
  createOcr: () => new OcrStrategy(new TesseractOcr(), new PaddleOcr()),
});

export function disposePhotoEngines(): Promise<void> {
  return nativePhotoEngines.dispose();
}
