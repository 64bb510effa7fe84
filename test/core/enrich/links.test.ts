import { buildNoteIndex, linkMentions, resolveNote, topicLine } from "../../../src/core/enrich/links";

const index = buildNoteIndex([
  { name: "whisper_ai", aliases: ["whisper", "Whisper AI"] },
  { name: "emotion_detection", aliases: ["detección de emociones", "emotion detector"] },
  { name: "Kubernetes", aliases: ["k8s"] },
  { name: "Análisis de audio" },
  { name: "QA" }, // shorter than 3 letters: never auto-linked
]);

const link = (text: string) => linkMentions(text, index).text;

describe("linkMentions", () => {
  test.each<[string, string, string]>([
    ["alias becomes an aliased link", "Usamos whisper para transcribir", "Usamos [[whisper_ai|whisper]] para transcribir"],
    ["case-insensitive", "WHISPER funciona", "[[whisper_ai|WHISPER]] funciona"],
    ["accent-insensitive both ways", "la deteccion de emociones mejoró", "la [[emotion_detection|deteccion de emociones]] mejoró"],
    ["accents in the note name", "el analisis de audio terminó", "el [[Análisis de audio|analisis de audio]] terminó"],
    ["exact note name gives a plain link", "Kubernetes escaló", "[[Kubernetes]] escaló"],
    ["note name with underscores matches spaced words", "el emotion detection falla", "el [[emotion_detection|emotion detection]] falla"],
    ["the longest phrase wins", "Whisper AI es local", "[[whisper_ai|Whisper AI]] es local"],
    ["whole words only", "whisperer y whispers no", "whisperer y whispers no"],
    ["service names are not mentions", "whisper-api y whisper_cpp", "whisper-api y whisper_cpp"],
    ["file names are not mentions", "whisper.cpp corre", "whisper.cpp corre"],
    ["end of sentence is a boundary", "Probamos whisper.", "Probamos [[whisper_ai|whisper]]."],
    ["inline code is protected", "corre `whisper --model x` hoy", "corre `whisper --model x` hoy"],
    ["fenced code is protected", "```\nwhisper run\n```\nk8s", "```\nwhisper run\n```\n[[Kubernetes|k8s]]"],
    ["URLs are protected", "ver https://github.com/whisper/k8s y www.whisper.org", "ver https://github.com/whisper/k8s y www.whisper.org"],
    ["existing wikilinks are protected and count as the first mention", "[[whisper_ai]] y whisper", "[[whisper_ai]] y whisper"],
    ["aliased existing links are protected", "[[otra nota|whisper]] hoy", "[[otra nota|whisper]] hoy"],
    ["markdown links are protected", "[whisper](https://x.y) y k8s", "[whisper](https://x.y) y [[Kubernetes|k8s]]"],
    ["inline fields are protected", "- [area:: whisper] [topic:: k8s]", "- [area:: whisper] [topic:: k8s]"],
    ["headings are protected", "## 08:45 whisper\nwhisper", "## 08:45 whisper\n[[whisper_ai|whisper]]"],
    ["tags are protected", "#whisper listo", "#whisper listo"],
    ["only the first mention is linked", "whisper, whisper, whisper", "[[whisper_ai|whisper]], whisper, whisper"],
    ["short names are skipped", "el QA aprobó", "el QA aprobó"],
  ])("%s", (_name, input, expected) => {
    expect(link(input)).toBe(expected);
  });

  test("mentioned notes are ranked by mentions, including existing links", () => {
    const result = linkMentions("k8s con [[whisper_ai]], whisper y Whisper AI; luego k8s", index);
    expect(result.mentioned).toEqual(["whisper_ai", "Kubernetes"]);
    expect(result.linked).toEqual(["Kubernetes"]);
  });

  test("excluded notes are never linked", () => {
    expect(linkMentions("whisper", index, { exclude: ["whisper_ai"] }).text).toBe("whisper");
  });

  test("every mention when firstMentionOnly is off", () => {
    expect(linkMentions("k8s y k8s", index, { firstMentionOnly: false }).text).toBe("[[Kubernetes|k8s]] y [[Kubernetes|k8s]]");
  });
});

describe("topics", () => {
  test("resolveNote folds case, accents and separators", () => {
    expect(resolveNote(index, "Whisper-AI")).toBe("whisper_ai");
    expect(resolveNote(index, "ANALISIS DE AUDIO")).toBe("Análisis de audio");
    expect(resolveNote(index, "missing")).toBeUndefined();
  });

  test("topic line as in seed 000", () => {
    expect(topicLine(["performance_optimization"])).toBe("[[performance_optimization]]");
  });
});
