/** How many people an English caption mentions ("two men sitting…" → 2), when it says so. */

const NUMBER_WORDS: Record<string, number> = {
  a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
};
const SINGULAR = "man|woman|person|boy|girl|child|kid|guy|lady|player|worker|engineer";
const PLURAL = "men|women|people|persons|boys|girls|children|kids|guys|ladies|players|workers|engineers";

export function peopleInCaption(caption: string): number | undefined {
  const text = caption.toLowerCase();
  let total = 0;
  const counted = new RegExp(String.raw`\b(a|an|one|two|three|four|five|six|seven|eight|nine|ten|\d+)\s+(?:\w+\s+)?(${SINGULAR}|${PLURAL})\b`, "g");
  for (const match of text.matchAll(counted)) total += NUMBER_WORDS[match[1]] ?? Number(match[1]);
  if (total > 0) return total;
  if (new RegExp(String.raw`\b(group of|crowd of|several|many)\b.*\b(${PLURAL})\b`).test(text)) return undefined;
  return new RegExp(String.raw`\b(${SINGULAR})\b`).test(text) ? 1 : undefined;
}
