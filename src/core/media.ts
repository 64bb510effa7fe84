/** Which attachments Bitácora understands, by file extension. */
export type MediaKind = "audio" | "image";

export const AUDIO_EXTENSIONS = ["webm", "m4a", "mp4", "mp3", "wav", "ogg", "opus", "flac"] as const;
export const IMAGE_EXTENSIONS = ["jpg", "jpeg", "png", "webp", "heic", "heif"] as const;

export function extensionOf(path: string): string {
  const name = path.slice(path.lastIndexOf("/") + 1);
  const dot = name.lastIndexOf(".");
  return dot > 0 ? name.slice(dot + 1).toLowerCase() : "";
}

export function fileNameOf(path: string): string {
  return path.slice(path.lastIndexOf("/") + 1);
}

/** The media kind of a path, or null when the extension is not one we process. */
export function mediaKindOf(path: string, enabledExtensions?: readonly string[]): MediaKind | null {
  const ext = extensionOf(path);
  if (enabledExtensions && !enabledExtensions.includes(ext)) return null;
  if ((AUDIO_EXTENSIONS as readonly string[]).includes(ext)) return "audio";
  if ((IMAGE_EXTENSIONS as readonly string[]).includes(ext)) return "image";
  return null;
}
