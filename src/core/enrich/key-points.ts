/**
 * The "Resultados" / "Puntos clave" list of seed 000: the results, decisions and next steps a
 * recording states, as short bullets taken from its own sentences. Extractive only: every
 * point is a piece of a sentence that was said, so nothing is invented.
 */
import { digitsForNumberWords } from "./number-words";
import { fold, sentences } from "./text";

const RESULT = /\d|\b(mejor[oó]|improved|redujo|reduced|baj[oó]|subi[oó]|pasando|passing|passed|fall[oó]|failed|succeeded|se complet[oó]|completed|rollback|cumplimos|eliminamos)\b/i;
const NEXT_STEP = /\b(pr[oó]ximo sprint|next sprint|propongo|deber[ií]amos|tenemos que|hay que|necesitamos|pendiente|siguiente paso|next step|we should|we need to|we will|i will|what i fix next|action items?|vamos a)\b/i;
// What happened to a deployment or a run is a result even without a figure.
const OUTCOME = /\b(fall[oó]|failed|succeeded|se complet[oó] sin errores|rollback|rolled back|shipped)\b/i;
// A retrospective's verdicts: what went well, what did not.
const VERDICT = /\b(what went well|what did not go well|what didn'?t go well|lo que (no )?sali[oó] bien)\b/i;
const NOT_A_POINT = /\?$|^(s[ií]|no|ok|okay|bueno|vale)\b/i;
const LEADING = /^(creo que|i think|honestly|la verdad|bueno|so|entonces|y|and|pero|but)[,\s]+/i;
// A figure the sentence gives a measure of, not a version, time of day or date.
const MEASURED = /\d+(?:[.,]\d+)?\s*(%|ms|s\b|gb|mb|milisegundos|milliseconds|segundos|seconds|minutos|minutes|usuarios|users|tests|requests|mensajes|messages|workers|muestras|samples|de \d+|of \d+|out of \d+)/i;

/** Splits "el accuracy mejoró de 85.3% a 89.4%, el loss se redujo en 82% y …" into one result each. */
function clauses(sentence: string): string[] {
  const body = sentence.includes(": ") ? sentence.slice(sentence.indexOf(": ") + 2) : sentence;
  const parts = body.split(/,\s+|\s+y\s+|\s+and\s+/);
  const out: string[] = [];
  for (const part of parts) {
    const startsNew = /^(el|la|los|las|the|our|we|cumplimos|pasamos|eliminamos)\b/i.test(part) && MEASURED.test(part);
    if (out.length > 0 && !(startsNew && MEASURED.test(out[out.length - 1]))) out[out.length - 1] += (/^\d/.test(part) ? ", " : ` ${separatorBefore(body, part)} `) + part;
    else out.push(part);
  }
  return out.map((c) => c.replace(/\s+,/g, ",").trim());
}

function separatorBefore(body: string, part: string): string {
  const at = body.indexOf(part);
  const gap = body.slice(Math.max(0, at - 5), at);
  if (/\sy\s$/.test(gap)) return "y";
  if (/\sand\s$/.test(gap)) return "and";
  return ",";
}

/** Measured figures, also when spoken as words ("cuatro workers"). */
const measured = (text: string) => MEASURED.test(text) || MEASURED.test(digitsForNumberWords(fold(text)));

const tidy = (text: string) => {
  const trimmed = text.replace(LEADING, "").replace(/[.!]+$/, "").replace(/\s+,/g, ",").replace(/ , /g, ", ").trim();
  return trimmed.charAt(0).toUpperCase() + trimmed.slice(1);
};

/** Up to `max` key points, or none when the words hold fewer than two. */
export function keyPoints(transcript: string, max = 5): string[] {
  const points: string[] = [];
  for (const sentence of sentences(transcript.replace(/\[\[([^\]|]*\|)?([^\]]*)\]\]/g, "$2"))) {
    const text = sentence.trim();
    if (!text || NOT_A_POINT.test(text)) continue;
    if (NEXT_STEP.test(text) || VERDICT.test(text)) points.push(tidy(text));
    else if (RESULT.test(text) && measured(text)) points.push(...clauses(text).filter(measured).map(tidy));
    else if (measured(text) || OUTCOME.test(text)) points.push(tidy(text));
  }
  const unique = points.filter((p, i) => p.length > 3 && points.findIndex((q) => fold(q) === fold(p)) === i);
  return unique.length >= 2 ? unique.slice(0, max) : [];
}
