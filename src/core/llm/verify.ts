/**
 * What a language model wrote is kept only where the source supports it: every number it uses
 * and every phrase it quotes must appear in the transcript or the recognised text (spoken
 * numbers count: "cuatro workers" supports "4 workers"). Anything else is dropped, not fixed.
 */
import { digitsForNumberWords } from "../enrich/number-words";
import { fold } from "../enrich/text";

export interface ModelAnswer {
  title?: string;
  keyPoints?: string[];
  description?: string;
}

/** The JSON object in a reply (also inside ```json fences or after a preamble); undefined if none. */
export function parseModelAnswer(reply: string): ModelAnswer | undefined {
  const start = reply.indexOf("{");
  const end = reply.lastIndexOf("}");
  if (start < 0 || end <= start) return undefined;
  let data: unknown;
  try {
    data = JSON.parse(reply.slice(start, end + 1));
  } catch {
    return undefined;
  }
  if (!data || typeof data !== "object" || Array.isArray(data)) return undefined;
  const record = data as Record<string, unknown>;
  const text = (value: unknown) => (typeof value === "string" && value.trim() ? value.trim() : undefined);
  const points = Array.isArray(record.keyPoints) ? record.keyPoints.map(text).filter((p): p is string => !!p) : undefined;
  return { title: text(record.title), keyPoints: points, description: text(record.description) };
}

const NUMBER = /\d+(?:[.,]\d+)?/g;
const QUOTED = /["“«]([^"”»]{2,})["”»]/g;

const normaliseNumber = (n: string) => String(Number(n.replace(",", ".")));

/** True when every number and quoted phrase of `claim` appears in `source`. */
export function supportedBy(claim: string, source: string): boolean {
  const foldedSource = fold(source);
  const numbers = new Set((digitsForNumberWords(foldedSource).match(NUMBER) ?? []).map(normaliseNumber));
  for (const n of claim.match(NUMBER) ?? []) if (!numbers.has(normaliseNumber(n))) return false;
  for (const m of claim.matchAll(QUOTED)) if (!foldedSource.includes(fold(m[1]).trim())) return false;
  return true;
}

export interface CheckedAnswer extends ModelAnswer {
  /** What was dropped because the source does not support it. */
  dropped: string[];
}

export function checkAnswer(answer: ModelAnswer, source: string): CheckedAnswer {
  const dropped: string[] = [];
  const keep = (text: string | undefined) => {
    if (text === undefined) return undefined;
    if (supportedBy(text, source)) return text;
    dropped.push(text);
    return undefined;
  };
  const title = keep(answer.title);
  const keyPoints = answer.keyPoints?.map(keep).filter((p): p is string => !!p);
  return { title, keyPoints, description: keep(answer.description), dropped };
}
