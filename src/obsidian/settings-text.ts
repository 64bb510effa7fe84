/** Text forms of list settings, for plain text boxes in the settings tab. Pure. */

export function listFromText(text: string): string[] {
  return text
    .split(/[,\n]/)
    .map((item) => item.trim())
    .filter(Boolean);
}

/** "DevOps: deploy, kubernetes" per line → { DevOps: ["deploy", "kubernetes"] }. */
export function keywordRulesFromText(text: string): Record<string, string[]> {
  const rules: Record<string, string[]> = {};
  for (const line of text.split("\n")) {
    const colon = line.indexOf(":");
    if (colon <= 0) continue;
    const area = line.slice(0, colon).trim();
    const words = listFromText(line.slice(colon + 1));
    if (area && words.length) rules[area] = [...(rules[area] ?? []), ...words];
  }
  return rules;
}

export function keywordRulesToText(rules: Record<string, string[]>): string {
  return Object.entries(rules)
    .map(([area, words]) => `${area}: ${words.join(", ")}`)
    .join("\n");
}
