/**
 * Numbers spoken as words in Spanish and English ("ciento veinte", "quinientos doce",
 * "seven", "cuatro minutos y medio") written as digits, so the metric rules see them.
 * Works on folded text (lower case, no accents). "un"/"una"/"one"/"a" alone stay words:
 * they are articles far more often than counts.
 */

const UNITS: Record<string, number> = {
  cero: 0, uno: 1, dos: 2, tres: 3, cuatro: 4, cinco: 5, seis: 6, siete: 7, ocho: 8, nueve: 9, diez: 10,
  once: 11, doce: 12, trece: 13, catorce: 14, quince: 15, dieciseis: 16, diecisiete: 17, dieciocho: 18, diecinueve: 19,
  veinte: 20, veintiuno: 21, veintiun: 21, veintidos: 22, veintitres: 23, veinticuatro: 24, veinticinco: 25,
  veintiseis: 26, veintisiete: 27, veintiocho: 28, veintinueve: 29,
  treinta: 30, cuarenta: 40, cincuenta: 50, sesenta: 60, setenta: 70, ochenta: 80, noventa: 90,
  cien: 100, ciento: 100, doscientos: 200, doscientas: 200, trescientos: 300, trescientas: 300, cuatrocientos: 400,
  cuatrocientas: 400, quinientos: 500, quinientas: 500, seiscientos: 600, seiscientas: 600, setecientos: 700,
  setecientas: 700, ochocientos: 800, ochocientas: 800, novecientos: 900, novecientas: 900,
  zero: 0, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12,
  thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19, twenty: 20,
  thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90,
};
// Only inside a longer number: "ciento un", "veinte y un", "one hundred".
const INNER: Record<string, number> = { un: 1, una: 1, one: 1 };
const SCALES: Record<string, number> = { hundred: 100, mil: 1000, thousand: 1000, millon: 1e6, millones: 1e6, million: 1e6 };
const JOINERS = new Set(["y", "and"]);

const WORD = /[a-z]+/g;

/** Replaces runs of number words with digits; "y medio"/"and a half" adds .5. */
export function digitsForNumberWords(folded: string): string {
  const words = [...folded.matchAll(WORD)];
  let out = "";
  let last = 0;
  for (let i = 0; i < words.length; i++) {
    const first = words[i][0];
    if (!(first in UNITS) && !(first === "un" || first === "one")) continue;
    let total = 0;
    let current = 0;
    let j = i;
    let used = 0;
    while (j < words.length) {
      const w = words[j][0];
      const gap = folded.slice(words[j - 1]?.index + (words[j - 1]?.[0].length ?? 0), words[j].index);
      if (j > i && !/^[\s-]*$/.test(gap)) break;
      if (w in UNITS) current += UNITS[w];
      else if (w in INNER && (used > 0 || (words[j + 1] && words[j + 1][0] in SCALES))) current += INNER[w];
      else if (w in SCALES && (used > 0 || w === "mil")) {
        const scale = SCALES[w];
        if (scale === 100) current = (current || 1) * 100;
        else {
          total += (current || 1) * scale;
          current = 0;
        }
      } else if (JOINERS.has(w) && used > 0 && words[j + 1] && (words[j + 1][0] in UNITS || words[j + 1][0] in INNER)) {
        j++;
        continue;
      } else break;
      used++;
      j++;
    }
    if (used === 0) continue;
    let value = total + current;
    let end = words[j - 1].index + words[j - 1][0].length;
    // "cuatro minutos y medio", "two and a half hours": the half belongs to the number.
    const half = /^(\s+\p{L}+)?\s+(y medio|y media|and a half)\b/u.exec(folded.slice(end));
    const halfBefore = /^\s+(and a half|y medio|y media)\b/.exec(folded.slice(end));
    if (halfBefore) {
      value += 0.5;
      end += halfBefore[0].length;
    }
    out += folded.slice(last, words[i].index) + String(value);
    last = end;
    // A trailing "y medio" after the unit ("cuatro minutos y medio") moves before the unit.
    if (!halfBefore && half?.[1]) {
      out += folded.slice(end, end + half[1].length);
      out = out.replace(/(\d+)(\s+\p{L}+)$/u, (_m, n: string, unit: string) => `${Number(n) + 0.5}${unit}`);
      last = end + half[0].length;
    }
    i = j - 1;
  }
  return out + folded.slice(last);
}
