/**
 * The photo as a vision model gets it: the file's bytes as base64 with their MIME type, read
 * through the vault port (core stays free of fs).
 */
import { extensionOf } from "../media";
import type { VaultPort } from "../ports";
import type { ChatImage } from "./language-model";

/**
 * Larger photos are not sent: the base64 body would be a third bigger again, slow to post and
 * over what many servers accept; the model then works from the OCR text and description alone.
 */
export const MAX_IMAGE_BYTES = 8 * 1024 * 1024;

const MIME_BY_EXTENSION: Record<string, string> = {
  jpg: "image/jpeg",
  jpeg: "image/jpeg",
  png: "image/png",
  webp: "image/webp",
  heic: "image/heic",
  heif: "image/heif",
};

/** Base64 of bytes without Node's Buffer (core runs in Obsidian too); chunked to keep call arguments small. */
export function base64Of(bytes: Uint8Array): string {
  let binary = "";
  for (let start = 0; start < bytes.length; start += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(start, start + 0x8000));
  }
  return btoa(binary);
}

/** The photo at `path`, or undefined when it is missing, too large or not a known image type. */
export async function photoImage(vault: Pick<VaultPort, "readBinary">, path: string): Promise<ChatImage | undefined> {
  const mime = MIME_BY_EXTENSION[extensionOf(path)];
  if (!mime) return undefined;
  const bytes = await vault.readBinary(path);
  if (!bytes || bytes.length > MAX_IMAGE_BYTES) return undefined;
  return { mime, base64: base64Of(bytes) };
}
