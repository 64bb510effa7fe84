import { mediaKindOf, type MediaKind } from "../media";
import type { BitacoraSettings } from "../settings/settings";

const inFolder = (path: string, folder: string) => {
  const clean = folder.replace(/^\/+|\/+$/g, "");
  return clean === "" || path === clean || path.startsWith(`${clean}/`);
};

/** The media kind of a path Bitácora should handle under these settings, or null. */
export function watchedMediaKind(path: string, settings: BitacoraSettings): MediaKind | null {
  const kind = mediaKindOf(path, settings.extensions);
  if (!kind) return null;
  if (path.split("/").some((part) => part.startsWith("."))) return null;
  if (settings.ignoredFolders.some((folder) => folder.trim() && inFolder(path, folder))) return null;
  const watched = settings.watchedFolders.filter((folder) => folder.trim());
  if (watched.length && !watched.some((folder) => inFolder(path, folder))) return null;
  return kind;
}
