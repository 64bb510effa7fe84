import { fileNameOf, mediaKindOf, type MediaKind } from "../media";
import { labelsFor, type LogLabels } from "./labels";

/** The title an entry has before its attachment is processed: "foto IMG_0001", "grabación de audio rec". */
export function placeholderTitle(attachment: string, kind: MediaKind, labels: LogLabels): string {
  const name = fileNameOf(attachment).replace(/\.[^.]+$/, "");
  return `${kind === "audio" ? labels.untitledAudio : labels.untitledPhoto} ${name}`.trim();
}

/** Placeholder titles of these attachments in both log languages: a title Bitácora may replace. */
export function placeholderTitles(attachments: readonly string[]): string[] {
  const titles: string[] = [];
  for (const attachment of attachments) {
    const kind = mediaKindOf(attachment) ?? "image";
    for (const labels of [labelsFor("es"), labelsFor("en")]) titles.push(placeholderTitle(attachment, kind, labels));
  }
  return titles;
}
