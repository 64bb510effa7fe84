/**
 * Wikilinks for mentions of existing notes and their aliases: case- and accent-insensitive,
 * whole words only, never inside code, URLs, headings, inline fields or existing links.
 */
import { fold, foldWithOffsets } from "./text";

export interface NoteRef {
  /** Link target: the note's base name (or path without .md when base names clash). */
  name: string;
  aliases?: string[];
}

interface Phrase {
  tokens: string[];
  target: string;
}

export interface NoteIndex {
  /** Folded first token → phrases starting with it, longest first. */
  byFirstToken: Map<string, Phrase[]>;
  /** Folded name or alias → target, for resolving existing links and suggested topics. */
  targets: Map<string, string>;
}

const TOKEN = /[\p{L}\p{N}]+/gu;

function tokensOf(text: string): string[] {
  return fold(text).match(TOKEN) ?? [];
}

/** Builds the lookup once per vault change; phrases shorter than `minLength` letters are skipped. */
export function buildNoteIndex(notes: NoteRef[], minLength = 3): NoteIndex {
  const byFirstToken = new Map<string, Phrase[]>();
  const targets = new Map<string, string>();
  for (const note of notes) {
    for (const phrase of [note.name, ...(note.aliases ?? [])]) {
      const tokens = tokensOf(phrase);
      if (tokens.length === 0 || tokens.join("").length < minLength) continue;
      targets.set(tokens.join(" "), note.name);
      const list = byFirstToken.get(tokens[0]) ?? [];
      list.push({ tokens, target: note.name });
      byFirstToken.set(tokens[0], list);
    }
  }
  for (const list of byFirstToken.values()) list.sort((a, b) => b.tokens.length - a.tokens.length);
  return { byFirstToken, targets };
}

/** Resolves a name or alias (any case/accents, `_`/`-`/space alike) to an existing note. */
export function resolveNote(index: NoteIndex, nameOrAlias: string): string | undefined {
  return index.targets.get(tokensOf(nameOrAlias).join(" "));
}

const PROTECTED_PATTERNS: RegExp[] = [
  /^---\n[\s\S]*?\n---(?=\n|$)/g, // front matter
  /^(```|~~~)[^\n]*\n[\s\S]*?^\1[^\n]*$/gm, // fenced code
  /`[^`\n]+`/g, // inline code
  /!?\[\[[^\]\n]*\]\]/g, // wikilinks and embeds
  /!?\[[^\]\n]*\]\([^)\n]*\)/g, // markdown links
  /\b(?:https?|ftp|file|obsidian):\/\/[^\s<>()\]]+/gi, // URLs
  /\bwww\.[^\s<>()\]]+/gi,
  /[\w.+-]+@[\w-]+\.[\w.-]+/g, // e-mail addresses
  /^#{1,6}\s.*$/gm, // headings (the entry title)
  /\[[\p{L}\p{N}_ -]+::[^\]\n]*(\]\])?[^\]\n]*\]/gu, // bracketed inline fields
  /^[\p{L}\p{N}_-]+::.*$/gmu, // line inline fields
  /(^|\s)#[\p{L}\p{N}_/-]+/gu, // tags
  /%%[\s\S]*?%%/g, // Obsidian comments (dashboard markers)
];

function protectedRanges(text: string): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  for (const pattern of PROTECTED_PATTERNS) {
    for (const match of text.matchAll(pattern)) ranges.push([match.index, match.index + match[0].length]);
  }
  return ranges.sort((a, b) => a[0] - b[0]);
}

const BOUNDARY_BEFORE = /[\p{L}\p{N}_\-/\\.@]/u;
const JOINED_AFTER = /^([_\-/\\@]|\.[\p{L}\p{N}])/u;

export interface LinkOptions {
  /** Link only the first mention of each note (Obsidian convention). Default true. */
  firstMentionOnly?: boolean;
  /** Notes never linked, e.g. the log note itself. */
  exclude?: string[];
}

export interface LinkResult {
  text: string;
  /** Notes mentioned (new links and existing [[links]] to indexed notes), most mentioned first. */
  mentioned: string[];
  /** Notes that got a new link. */
  linked: string[];
}

interface Token {
  value: string;
  start: number;
  end: number;
}

/** Replaces mentions of indexed notes with wikilinks. Pure: returns the new text. */
export function linkMentions(text: string, index: NoteIndex, options: LinkOptions = {}): LinkResult {
  const firstOnly = options.firstMentionOnly ?? true;
  const exclude = new Set(options.exclude ?? []);
  const counts = new Map<string, number>();
  const count = (target: string) => counts.set(target, (counts.get(target) ?? 0) + 1);
  const ranges = protectedRanges(text);
  for (const match of text.matchAll(/\[\[([^\]|#\n]+)/g)) {
    const target = resolveNote(index, match[1].replace(/\.md$/i, ""));
    if (target) count(target);
  }

  const { folded, starts } = foldWithOffsets(text);
  const tokens: Token[] = [...folded.matchAll(TOKEN)].map((m) => ({
    value: m[0],
    start: starts[m.index],
    end: starts[m.index + m[0].length],
  }));
  const isProtected = (from: number, to: number) => ranges.some(([a, b]) => from < b && to > a);
  const linkedOnce = new Set<string>(firstOnly ? [...counts.keys()] : []);
  const replacements: Array<{ start: number; end: number; target: string }> = [];

  for (let i = 0; i < tokens.length; i++) {
    const candidates = index.byFirstToken.get(tokens[i].value);
    if (!candidates) continue;
    const phrase = candidates.find((p) => phraseMatchesAt(text, tokens, i, p.tokens));
    if (!phrase || exclude.has(phrase.target)) continue;
    const start = tokens[i].start;
    const end = tokens[i + phrase.tokens.length - 1].end;
    if (isProtected(start, end)) continue;
    count(phrase.target);
    if (!firstOnly || !linkedOnce.has(phrase.target)) {
      linkedOnce.add(phrase.target);
      replacements.push({ start, end, target: phrase.target });
    }
    i += phrase.tokens.length - 1;
  }

  let out = text;
  for (const r of replacements.reverse()) {
    const original = text.slice(r.start, r.end);
    const link = original === r.target ? `[[${r.target}]]` : `[[${r.target}|${original}]]`;
    out = out.slice(0, r.start) + link + out.slice(r.end);
  }
  const mentioned = [...counts.entries()].sort((a, b) => b[1] - a[1]).map(([note]) => note);
  const linked = [...new Set(replacements.map((r) => r.target).reverse())];
  return { text: out, mentioned, linked };
}

/** Tokens i.. spell the phrase, separated only by space, `_` or `-`, with word boundaries outside. */
function phraseMatchesAt(text: string, tokens: Token[], i: number, phrase: string[]): boolean {
  if (i + phrase.length > tokens.length) return false;
  for (let k = 0; k < phrase.length; k++) {
    if (tokens[i + k].value !== phrase[k]) return false;
    if (k > 0 && !/^[ _-]$/.test(text.slice(tokens[i + k - 1].end, tokens[i + k].start))) return false;
  }
  const before = text[tokens[i].start - 1];
  const after = text.slice(tokens[i + phrase.length - 1].end, tokens[i + phrase.length - 1].end + 2);
  return !(before !== undefined && BOUNDARY_BEFORE.test(before)) && !JOINED_AFTER.test(after);
}

/** Renders topic links as the entry's last line, like seed 000 (`[[performance_optimization]]`). */
export function topicLine(topics: string[]): string {
  return topics.map((t) => `[[${t}]]`).join(" ");
}
