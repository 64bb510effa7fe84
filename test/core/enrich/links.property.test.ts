import fc from "fast-check";
import { buildNoteIndex, linkMentions } from "../../../src/core/enrich/links";

const index = buildNoteIndex([
  { name: "whisper_ai", aliases: ["whisper"] },
  { name: "Análisis de audio" },
  { name: "k8s cluster", aliases: ["kubernetes"] },
]);
const pieces = fc.constantFrom("whisper", "Whisper", "análisis de audio", "ANALISIS DE AUDIO", "kubernetes", " ", ", ", ".", "\n", "`", "[[", "]]", "|", "http://x.y/whisper", "#", "## ", "_", "-", "texto", "ñ", "[a:: b]", "```\n");
const texts = fc.array(pieces, { maxLength: 30 }).map((p) => p.join(""));

test("linking only wraps words in links: removing the new links gives back the original text", () => {
  fc.assert(
    fc.property(texts, (text) => {
      const { text: linked, linked: targets } = linkMentions(text, index);
      let restored = linked;
      for (const target of new Set(targets)) {
        const escaped = target.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
        restored = restored.replace(new RegExp(`\\[\\[${escaped}\\|([^\\]]*)\\]\\]`, "g"), "$1").replace(new RegExp(`\\[\\[(${escaped})\\]\\]`, "g"), "$1");
      }
      expect(restored).toBe(text);
    }),
    { numRuns: 500 },
  );
});
