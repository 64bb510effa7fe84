import { labelsFor } from "./labels";
import type { ParsedBlock, ParsedEntry } from "./parse-log-note";
import { stripEol } from "./structure";

/** What a generated block shows of its attachment, read back from the note. */
export interface BlockText {
  attachment: string;
  kind: ParsedBlock["kind"];
  transcript?: string;
  description?: string;
  ocrLines?: string[];
}

const LABELS = [labelsFor("es"), labelsFor("en")];

/** `[[Note|shown]]` → `shown`, `[[Note]]` → `Note`, and the writer's backslash escapes undone: the words as read. */
function plain(text: string): string {
  return text
    .replace(/\[\[([^\]|]+)\|([^\]]+)\]\]/g, "$2")
    .replace(/\[\[([^\]]+)\]\]/g, "$1")
    .replace(/\\([[\]%:])/g, "$1");
}

/**
 * The transcript, description and recognised text of a processed block, from the lines the
 * writer rendered (render-body.ts), so a moment's title and area can be computed from all its blocks.
 */
export function readBlockText(parsed: ParsedEntry, block: ParsedBlock): BlockText {
  const out: BlockText = { attachment: block.attachment, kind: block.kind };
  const lines = parsed.lines.slice(block.start, block.end - 1).map(stripEol);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    for (const labels of LABELS) {
      const audio = new RegExp(`^\\*${labels.audioContent}: "(.*)"\\*$`).exec(line);
      if (audio) out.transcript = plain(audio[1]);
      const image = line.startsWith(`*${labels.photoDescription}: `) && line.endsWith("*");
      if (image) out.description = plain(line.slice(labels.photoDescription.length + 3, -1));
      if (line === `> [!note]- ${labels.recognisedTextCallout}`) {
        const ocr: string[] = [];
        for (let j = i + 1; j < lines.length && lines[j].startsWith(">"); j++) ocr.push(plain(lines[j].replace(/^> ?/, "")));
        out.ocrLines = ocr.filter((text) => text !== "");
      }
    }
  }
  return out;
}
